import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/decorators/public.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import {
  CreateIndicatorValueDto,
  ExportFormat,
  ExportQueryDto,
  ImportQueryDto,
  ListIndicatorValuesQueryDto,
  UpdateIndicatorValueDto,
} from './dto/indicator.dto.js';
import { ImportResultResponseDto, IndicatorValuePageDto, IndicatorValueResponseDto } from './dto/indicator.response.js';
import { IndicatorImportService } from './indicator-import.service.js';
import { IndicatorValuesService } from './indicator-values.service.js';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicator-values')
export class IndicatorValuesController {
  constructor(
    private readonly values: IndicatorValuesService,
    private readonly importer: IndicatorImportService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List the indicator values of a selection the caller may read.' })
  @ApiOkResponse({ type: IndicatorValuePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListIndicatorValuesQueryDto) {
    return this.values.list(actor ?? null, query);
  }

  @Post()
  @ApiOperation({ summary: 'Store one indicator value of a city or country.' })
  @ApiCreatedResponse({ type: IndicatorValueResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorValueDto) {
    return this.values.create(actor, dto);
  }

  @Public()
  @Get('export')
  @ApiOperation({ summary: 'Export every value of a selection as CSV or JSON.' })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Every value of the selection (CSV in the import format, or JSON {items})' })
  async export(
    @CurrentActor() actor: Actor | undefined,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const format = query.format ?? ExportFormat.Csv;
    const body = await this.values.export(actor ?? null, query, format);
    response.type(format === ExportFormat.Csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="indicator-values.${format}"`);
    // A signed-in reader's export may hold values that are not public: keep it out of every cache.
    response.header('Cache-Control', actor ? 'no-store' : 'no-cache');
    return body;
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import indicator values from a CSV file, all rows or none.' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'indicator,country,city_id,city,year,value,unit,source,quality' } })
  @ApiOkResponse({ type: ImportResultResponseDto, description: 'All rows imported; or 400 IMPORT_FAILED and none' })
  async import(@CurrentActor() actor: Actor, @Query() query: ImportQueryDto, @Req() request: FastifyRequest) {
    const text = await this.importer.readBody(request);
    return this.importer.import(actor, text, query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an indicator value.' })
  @ApiOkResponse({ type: IndicatorValueResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIndicatorValueDto) {
    return this.values.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an indicator value.' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.values.remove(actor, id);
  }
}

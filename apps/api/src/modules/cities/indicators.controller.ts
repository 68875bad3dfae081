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
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { PageQueryDto } from '../../common/pagination/cursor.js';
import {
  ImportResultResponseDto,
  IndicatorPageDto,
  IndicatorResponseDto,
  IndicatorValuePageDto,
  IndicatorValueResponseDto,
  ReportedChangePageDto,
  ReportedChangeResponseDto,
} from './dto/city.response.js';
import {
  CreateIndicatorDto,
  CreateIndicatorValueDto,
  CreateReportedChangeDto,
  ExportFormat,
  ExportQueryDto,
  ImportQueryDto,
  ListIndicatorValuesQueryDto,
  ListReportedChangesQueryDto,
  UpdateIndicatorDto,
  UpdateIndicatorValueDto,
} from './dto/indicator.dto.js';
import { IndicatorImportService } from './indicator-import.service.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: IndicatorPageDto })
  list(@Query() query: PageQueryDto) {
    return this.indicators.list(query);
  }

  @Post()
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiCreatedResponse({ type: IndicatorResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorDto) {
    return this.indicators.create(actor, dto);
  }

  @Public()
  @Get(':code')
  @ApiOkResponse({ type: IndicatorResponseDto, description: 'By code (e.g. total_ghg) or id' })
  get(@Param('code') code: string) {
    return this.indicators.get(code);
  }

  @Patch(':code')
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: IndicatorResponseDto })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateIndicatorDto) {
    return this.indicators.update(actor, code, dto);
  }
}

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
  @ApiOkResponse({ type: IndicatorValuePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListIndicatorValuesQueryDto) {
    return this.values.list(actor ?? null, query);
  }

  @Post()
  @ApiCreatedResponse({ type: IndicatorValueResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorValueDto) {
    return this.values.create(actor, dto);
  }

  @Public()
  @Get('export')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Every value of the selection (CSV in the import format, or JSON {items})' })
  async export(
    @CurrentActor() actor: Actor | undefined,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const format = query.format ?? ExportFormat.Csv;
    const body = await this.values.export(actor ?? null, query, format);
    response.type(format === ExportFormat.Csv ? 'text/csv; charset=utf-8' : 'application/json');
    response.setHeader('Content-Disposition', `attachment; filename="indicator-values.${format}"`);
    // A signed-in reader's export may hold values that are not public: keep it out of every cache.
    response.setHeader('Cache-Control', actor ? 'no-store' : 'no-cache');
    return body;
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'indicator,country,city_id,city,year,value,unit,source,quality' } })
  @ApiOkResponse({ type: ImportResultResponseDto, description: 'All rows imported; or 400 IMPORT_FAILED and none' })
  async import(@CurrentActor() actor: Actor, @Query() query: ImportQueryDto, @Req() request: Request) {
    const text = await this.importer.readBody(request);
    return this.importer.import(actor, text, query);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IndicatorValueResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIndicatorValueDto) {
    return this.values.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.values.remove(actor, id);
  }
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('reported-changes')
export class ReportedChangesController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: ReportedChangePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListReportedChangesQueryDto) {
    return this.indicators.listChanges(actor ?? null, query);
  }

  @Post()
  @ApiCreatedResponse({ type: ReportedChangeResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReportedChangeDto) {
    return this.indicators.createChange(actor, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.indicators.removeChange(actor, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { CreateReportedChangeDto, ListReportedChangesQueryDto } from './dto/indicator.dto.js';
import { ReportedChangePageDto, ReportedChangeResponseDto } from './dto/indicator.response.js';
import { ReportedChangesService } from './reported-changes.service.js';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('reported-changes')
export class ReportedChangesController {
  constructor(private readonly changes: ReportedChangesService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List the reported period changes the caller may read.' })
  @ApiOkResponse({ type: ReportedChangePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListReportedChangesQueryDto) {
    return this.changes.list(actor ?? null, query);
  }

  @Post()
  @ApiOperation({ summary: 'Record a period change as a source reports it.' })
  @ApiCreatedResponse({ type: ReportedChangeResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReportedChangeDto) {
    return this.changes.create(actor, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a reported change.' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.changes.remove(actor, id);
  }
}

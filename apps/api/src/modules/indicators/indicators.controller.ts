import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { PageQueryDto } from '../../common/pagination/cursor.js';
import { CreateIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto.js';
import { IndicatorPageDto, IndicatorResponseDto } from './dto/indicator.response.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List the indicator definitions by code.' })
  @ApiOkResponse({ type: IndicatorPageDto })
  list(@Query() query: PageQueryDto) {
    return this.indicators.list(query);
  }

  @Post()
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Define a new indicator.' })
  @ApiCreatedResponse({ type: IndicatorResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorDto) {
    return this.indicators.create(actor, dto);
  }

  @Public()
  @Get(':code')
  @ApiOperation({ summary: 'Read an indicator definition by code or id.' })
  @ApiOkResponse({ type: IndicatorResponseDto, description: 'By code (e.g. total_ghg) or id' })
  get(@Param('code') code: string) {
    return this.indicators.get(code);
  }

  @Patch(':code')
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: "Change an indicator's name or description." })
  @ApiOkResponse({ type: IndicatorResponseDto })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateIndicatorDto) {
    return this.indicators.update(actor, code, dto);
  }
}

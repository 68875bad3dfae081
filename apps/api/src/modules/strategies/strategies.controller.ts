import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
import { PageQueryDto } from '../../common/pagination/cursor.js';
import { ActionResponseDto, StrategyPageDto, StrategyResponseDto, TargetResponseDto } from './dto/strategy.response.js';
import {
  CreateActionDto,
  CreateStrategyDto,
  CreateTargetDto,
  UpdateActionDto,
  UpdateStrategyDto,
  UpdateTargetDto,
} from './dto/strategy.dto.js';
import { StrategiesService } from './strategies.service.js';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'Read a strategy with its targets, actions and linked documents.' })
  @ApiOkResponse({ type: StrategyResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.strategies.get(actor ?? null, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a strategy.' })
  @ApiOkResponse({ type: StrategyResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStrategyDto) {
    return this.strategies.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a strategy and archive its discussion room.' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.strategies.remove(actor, id);
  }

  @Post(':id/targets')
  @ApiOperation({ summary: 'Add a target to a strategy.' })
  @ApiCreatedResponse({ type: TargetResponseDto })
  addTarget(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateTargetDto) {
    return this.strategies.addTarget(actor, id, dto);
  }

  @Patch(':id/targets/:targetId')
  @ApiOperation({ summary: 'Change a target of a strategy.' })
  @ApiOkResponse({ type: TargetResponseDto })
  updateTarget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @Body() dto: UpdateTargetDto,
  ) {
    return this.strategies.updateTarget(actor, id, targetId, dto);
  }

  @Delete(':id/targets/:targetId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a target from a strategy.' })
  @ApiNoContentResponse()
  removeTarget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ) {
    return this.strategies.removeTarget(actor, id, targetId);
  }

  @Post(':id/actions')
  @ApiOperation({ summary: 'Add an action to a strategy.' })
  @ApiCreatedResponse({ type: ActionResponseDto })
  addAction(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateActionDto) {
    return this.strategies.addAction(actor, id, dto);
  }

  @Patch(':id/actions/:actionId')
  @ApiOperation({ summary: 'Change an action of a strategy.' })
  @ApiOkResponse({ type: ActionResponseDto })
  updateAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @Body() dto: UpdateActionDto,
  ) {
    return this.strategies.updateAction(actor, id, actionId, dto);
  }

  @Delete(':id/actions/:actionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an action from a strategy.' })
  @ApiNoContentResponse()
  removeAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
  ) {
    return this.strategies.removeAction(actor, id, actionId);
  }
}

/**
 * A city's strategies, under the city's path. The handlers live here, with the feature that owns strategies; their
 * operation ids stay those of the published document, from when the cities controller served them.
 */
@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities')
export class CityStrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Public()
  @Get(':id/strategies')
  @ApiOperation({ summary: 'List the strategies of a city.', operationId: 'CitiesController_strategiesOf' })
  @ApiOkResponse({ type: StrategyPageDto })
  strategiesOf(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.strategies.list(actor ?? null, id, query);
  }

  @Post(':id/strategies')
  @ApiOperation({
    summary: 'Create a strategy of a city, with inline targets and actions.',
    operationId: 'CitiesController_createStrategy',
  })
  @ApiCreatedResponse({ type: StrategyResponseDto, description: 'Opens the strategy discussion room too' })
  createStrategy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateStrategyDto) {
    return this.strategies.create(actor, id, dto);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import {
  ActionResponseDto,
  InventoryResponseDto,
  StrategyResponseDto,
  TargetResponseDto,
} from './dto/city.response.js';
import { SaveInventoryDto } from './dto/inventory.dto.js';
import {
  CreateActionDto,
  CreateTargetDto,
  UpdateActionDto,
  UpdateStrategyDto,
  UpdateTargetDto,
} from './dto/strategy.dto.js';
import { InventoriesService } from './inventories.service.js';
import { StrategiesService } from './strategies.service.js';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: StrategyResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.strategies.get(actor ?? null, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StrategyResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStrategyDto) {
    return this.strategies.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.strategies.remove(actor, id);
  }

  @Post(':id/targets')
  @ApiCreatedResponse({ type: TargetResponseDto })
  addTarget(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateTargetDto) {
    return this.strategies.addTarget(actor, id, dto);
  }

  @Patch(':id/targets/:targetId')
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
  @ApiNoContentResponse()
  removeTarget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ) {
    return this.strategies.removeTarget(actor, id, targetId);
  }

  @Post(':id/actions')
  @ApiCreatedResponse({ type: ActionResponseDto })
  addAction(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateActionDto) {
    return this.strategies.addAction(actor, id, dto);
  }

  @Patch(':id/actions/:actionId')
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
  @ApiNoContentResponse()
  removeAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('actionId', ParseUUIDPipe) actionId: string,
  ) {
    return this.strategies.removeAction(actor, id, actionId);
  }
}

@ApiTags('cities')
@ApiBearerAuth()
@Controller('inventories')
export class InventoriesController {
  constructor(private readonly inventories: InventoriesService) {}

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: InventoryResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.inventories.get(actor ?? null, id);
  }

  @Put(':id')
  @ApiOkResponse({ type: InventoryResponseDto, description: 'Replaces the inventory with all its entries' })
  replace(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveInventoryDto) {
    return this.inventories.replace(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inventories.remove(actor, id);
  }
}

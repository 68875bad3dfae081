import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
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
import { SaveInventoryDto } from './dto/inventory.dto.js';
import { InventoryPageDto, InventoryResponseDto } from './dto/inventory.response.js';
import { InventoriesService } from './inventories.service.js';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('inventories')
export class InventoriesController {
  constructor(private readonly inventories: InventoriesService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'Read an emission inventory with all its entries.' })
  @ApiOkResponse({ type: InventoryResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.inventories.get(actor ?? null, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace an emission inventory and all its entries.' })
  @ApiOkResponse({ type: InventoryResponseDto, description: 'Replaces the inventory with all its entries' })
  replace(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveInventoryDto) {
    return this.inventories.replace(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an emission inventory.' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inventories.remove(actor, id);
  }
}

/**
 * A city's inventories, under the city's path. The handlers live here, with the feature that owns inventories;
 * their operation ids stay those of the published document, from when the cities controller served them.
 */
@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities')
export class CityInventoriesController {
  constructor(private readonly inventories: InventoriesService) {}

  @Public()
  @Get(':id/inventories')
  @ApiOperation({ summary: 'List the emission inventories of a city.', operationId: 'CitiesController_inventoriesOf' })
  @ApiOkResponse({ type: InventoryPageDto, description: 'Newest year first' })
  inventoriesOf(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.inventories.list(actor ?? null, id, query);
  }

  @Post(':id/inventories')
  @ApiOperation({ summary: 'Create an emission inventory of a city.', operationId: 'CitiesController_createInventory' })
  @ApiCreatedResponse({ type: InventoryResponseDto })
  createInventory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveInventoryDto) {
    return this.inventories.create(actor, id, dto);
  }
}

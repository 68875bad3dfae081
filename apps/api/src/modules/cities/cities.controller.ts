import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { PageQueryDto } from '../../common/pagination/cursor.js';
import { CitiesService } from './cities.service.js';
import { CreateCityDto, ListCitiesQueryDto, SetCityMembersDto, UpdateCityDto } from './dto/city.dto.js';
import {
  CityPageDto,
  CityResponseDto,
  InventoryPageDto,
  InventoryResponseDto,
  StrategyPageDto,
  StrategyResponseDto,
} from './dto/city.response.js';
import { SaveInventoryDto } from './dto/inventory.dto.js';
import { CreateStrategyDto } from './dto/strategy.dto.js';
import { InventoriesService } from './inventories.service.js';
import { StrategiesService } from './strategies.service.js';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities')
export class CitiesController {
  constructor(
    private readonly cities: CitiesService,
    private readonly strategies: StrategiesService,
    private readonly inventories: InventoriesService,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: CityPageDto, description: 'Anonymous visitors see public cities only' })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListCitiesQueryDto) {
    return this.cities.list(actor ?? null, query);
  }

  @Post()
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiCreatedResponse({ type: CityResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCityDto) {
    return this.cities.create(actor, dto);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CityResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.cities.get(actor ?? null, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CityResponseDto, description: 'Coordinators and the city focal points' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCityDto) {
    return this.cities.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.cities.remove(actor, id);
  }

  @Put(':id/members')
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOkResponse({ type: CityResponseDto, description: 'Replaces focal points and member organisations' })
  setMembers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetCityMembersDto) {
    return this.cities.setMembers(actor, id, dto);
  }

  @Public()
  @Get(':id/strategies')
  @ApiOkResponse({ type: StrategyPageDto })
  strategiesOf(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.strategies.list(actor ?? null, id, query);
  }

  @Post(':id/strategies')
  @ApiCreatedResponse({ type: StrategyResponseDto, description: 'Opens the strategy discussion room too' })
  createStrategy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateStrategyDto) {
    return this.strategies.create(actor, id, dto);
  }

  @Public()
  @Get(':id/inventories')
  @ApiOkResponse({ type: InventoryPageDto, description: 'Newest year first' })
  inventoriesOf(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ) {
    return this.inventories.list(actor ?? null, id, query);
  }

  @Post(':id/inventories')
  @ApiCreatedResponse({ type: InventoryResponseDto })
  createInventory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveInventoryDto) {
    return this.inventories.create(actor, id, dto);
  }
}

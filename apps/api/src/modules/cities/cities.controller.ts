import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { CitiesService } from './cities.service.js';
import { CreateCityDto, ListCitiesQueryDto, SetCityMembersDto, UpdateCityDto } from './dto/city.dto.js';
import { CityPageDto, CityResponseDto } from './dto/city.response.js';

@ApiTags('cities')
@ApiBearerAuth()
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List the cities the caller may read, by English name.' })
  @ApiOkResponse({ type: CityPageDto, description: 'Anonymous visitors see public cities only' })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListCitiesQueryDto) {
    return this.cities.list(actor ?? null, query);
  }

  @Post()
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Create a city profile.' })
  @ApiCreatedResponse({ type: CityResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCityDto) {
    return this.cities.create(actor, dto);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'Read a city profile with its focal points and statistics.' })
  @ApiOkResponse({ type: CityResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.cities.get(actor ?? null, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a city profile.' })
  @ApiOkResponse({ type: CityResponseDto, description: 'Coordinators and the city focal points' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCityDto) {
    return this.cities.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: 'Delete a city and every record under it.' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.cities.remove(actor, id);
  }

  @Put(':id/members')
  @Roles(NetworkRole.Admin, NetworkRole.Coordinator)
  @ApiOperation({ summary: "Replace the city's focal points and member organisations." })
  @ApiOkResponse({ type: CityResponseDto, description: 'Replaces focal points and member organisations' })
  setMembers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetCityMembersDto) {
    return this.cities.setMembers(actor, id, dto);
  }
}

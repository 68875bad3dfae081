import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Public } from '../../common/decorators/public.decorator.js';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { PageQueryDto } from '../../common/pagination/cursor.js';
import {
  CompareQueryDto,
  CreateCategoryDto,
  CreateRecognitionDto,
  CreateSchemeDto,
  ListRecognitionsQueryDto,
  ListSchemesQueryDto,
  SetSchemeCategoryDto,
  SetStepsDto,
  UpdateCategoryDto,
  UpdateSchemeDto,
} from './dto/eco-label.dto.js';
import {
  CategoryComparisonResponseDto,
  EcoLabelSchemePageDto,
  EcoLabelSchemeResponseDto,
  ProductCategoryPageDto,
  ProductCategoryResponseDto,
  RecognitionPageDto,
  RecognitionResponseDto,
  SchemeCategoryResponseDto,
} from './dto/eco-label.response.js';
import { EcoLabelCatalogueService } from './eco-label-catalogue.service.js';
import { EcoLabelSchemesService } from './eco-label-schemes.service.js';

const STAFF = [NetworkRole.Admin, NetworkRole.Coordinator] as const;

@ApiTags('eco-labels')
@ApiBearerAuth()
@Controller('eco-labels')
export class EcoLabelsController {
  constructor(
    private readonly schemes: EcoLabelSchemesService,
    private readonly catalogue: EcoLabelCatalogueService,
  ) {}

  @Public()
  @Get('schemes')
  @ApiOkResponse({ type: EcoLabelSchemePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListSchemesQueryDto) {
    return this.schemes.list(actor ?? null, query);
  }

  @Post('schemes')
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: EcoLabelSchemeResponseDto, description: 'Opens the scheme discussion room too' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSchemeDto) {
    return this.schemes.create(actor, dto);
  }

  @Public()
  @Get('schemes/:id')
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.schemes.get(actor ?? null, id);
  }

  @Patch('schemes/:id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSchemeDto) {
    return this.schemes.update(actor, id, dto);
  }

  @Delete('schemes/:id')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.schemes.remove(actor, id);
  }

  @Put('schemes/:id/steps')
  @Roles(...STAFF)
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto, description: 'Replaces the certification procedure' })
  setSteps(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetStepsDto) {
    return this.schemes.setSteps(actor, id, dto);
  }

  @Public()
  @Get('schemes/:id/categories/:categoryId')
  @ApiOkResponse({ type: SchemeCategoryResponseDto })
  getCategory(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
  ) {
    return this.schemes.getCategory(actor ?? null, id, categoryId);
  }

  @Put('schemes/:id/categories/:categoryId')
  @Roles(...STAFF)
  @ApiOkResponse({ type: SchemeCategoryResponseDto, description: 'Sets the standard and replaces the criteria' })
  setCategory(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
    @Body() dto: SetSchemeCategoryDto,
  ) {
    return this.schemes.setCategory(actor, id, categoryId, dto);
  }

  @Delete('schemes/:id/categories/:categoryId')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse()
  removeCategory(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
  ) {
    return this.schemes.removeCategory(actor, id, categoryId);
  }

  @Public()
  @Get('categories')
  @ApiOkResponse({ type: ProductCategoryPageDto })
  categories(@Query() query: PageQueryDto) {
    return this.catalogue.listCategories(query);
  }

  @Post('categories')
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: ProductCategoryResponseDto })
  createCategory(@CurrentActor() actor: Actor, @Body() dto: CreateCategoryDto) {
    return this.catalogue.createCategory(actor, dto);
  }

  @Public()
  @Get('categories/:id')
  @ApiOkResponse({ type: ProductCategoryResponseDto })
  category(@Param('id', ParseUUIDPipe) id: string) {
    return this.catalogue.getCategory(id);
  }

  @Patch('categories/:id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: ProductCategoryResponseDto })
  updateCategory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCategoryDto) {
    return this.catalogue.updateCategory(actor, id, dto);
  }

  @Public()
  @Get('categories/:id/comparison')
  @ApiOkResponse({ type: CategoryComparisonResponseDto })
  compare(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CompareQueryDto,
  ) {
    return this.catalogue.compare(actor ?? null, id, query);
  }

  @Public()
  @Get('recognitions')
  @ApiOkResponse({ type: RecognitionPageDto })
  recognitions(@CurrentActor() actor: Actor | undefined, @Query() query: ListRecognitionsQueryDto) {
    return this.catalogue.listRecognitions(actor ?? null, query);
  }

  @Post('recognitions')
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: RecognitionResponseDto })
  createRecognition(@CurrentActor() actor: Actor, @Body() dto: CreateRecognitionDto) {
    return this.catalogue.createRecognition(actor, dto);
  }

  @Delete('recognitions/:id')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse()
  removeRecognition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.catalogue.removeRecognition(actor, id);
  }
}

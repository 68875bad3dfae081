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
  @ApiOperation({ summary: 'List eco-label schemes' })
  @ApiOkResponse({ type: EcoLabelSchemePageDto })
  list(@CurrentActor() actor: Actor | undefined, @Query() query: ListSchemesQueryDto) {
    return this.schemes.list(actor ?? null, query);
  }

  @Post('schemes')
  @ApiOperation({ summary: 'Register an eco-label scheme' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: EcoLabelSchemeResponseDto, description: 'Opens the scheme discussion room too' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSchemeDto) {
    return this.schemes.create(actor, dto);
  }

  @Public()
  @Get('schemes/:id')
  @ApiOperation({ summary: 'Get an eco-label scheme' })
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return this.schemes.get(actor ?? null, id);
  }

  @Patch('schemes/:id')
  @ApiOperation({ summary: 'Update an eco-label scheme' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSchemeDto) {
    return this.schemes.update(actor, id, dto);
  }

  @Delete('schemes/:id')
  @ApiOperation({ summary: 'Delete an eco-label scheme' })
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.schemes.remove(actor, id);
  }

  @Put('schemes/:id/steps')
  @ApiOperation({ summary: "Replace a scheme's certification steps" })
  @Roles(...STAFF)
  @ApiOkResponse({ type: EcoLabelSchemeResponseDto, description: 'Replaces the certification procedure' })
  setSteps(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetStepsDto) {
    return this.schemes.setSteps(actor, id, dto);
  }

  @Public()
  @Get('schemes/:id/categories/:categoryId')
  @ApiOperation({ summary: "Get a scheme's criteria for a product category" })
  @ApiOkResponse({ type: SchemeCategoryResponseDto })
  getCategory(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
  ) {
    return this.schemes.getCategory(actor ?? null, id, categoryId);
  }

  @Put('schemes/:id/categories/:categoryId')
  @ApiOperation({ summary: "Set a scheme's criteria for a product category" })
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
  @ApiOperation({ summary: 'Remove a product category from a scheme' })
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
  @ApiOperation({ summary: 'List product categories' })
  @ApiOkResponse({ type: ProductCategoryPageDto })
  categories(@Query() query: PageQueryDto) {
    return this.catalogue.listCategories(query);
  }

  @Post('categories')
  @ApiOperation({ summary: 'Create a product category' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: ProductCategoryResponseDto })
  createCategory(@CurrentActor() actor: Actor, @Body() dto: CreateCategoryDto) {
    return this.catalogue.createCategory(actor, dto);
  }

  @Public()
  @Get('categories/:id')
  @ApiOperation({ summary: 'Get a product category' })
  @ApiOkResponse({ type: ProductCategoryResponseDto })
  category(@Param('id', ParseUUIDPipe) id: string) {
    return this.catalogue.getCategory(id);
  }

  @Patch('categories/:id')
  @ApiOperation({ summary: 'Update a product category' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: ProductCategoryResponseDto })
  updateCategory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCategoryDto) {
    return this.catalogue.updateCategory(actor, id, dto);
  }

  @Public()
  @Get('categories/:id/comparison')
  @ApiOperation({ summary: "Compare the schemes' criteria for a product category" })
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
  @ApiOperation({ summary: 'List mutual recognition agreements' })
  @ApiOkResponse({ type: RecognitionPageDto })
  recognitions(@CurrentActor() actor: Actor | undefined, @Query() query: ListRecognitionsQueryDto) {
    return this.catalogue.listRecognitions(actor ?? null, query);
  }

  @Post('recognitions')
  @ApiOperation({ summary: 'Record a mutual recognition agreement' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: RecognitionResponseDto })
  createRecognition(@CurrentActor() actor: Actor, @Body() dto: CreateRecognitionDto) {
    return this.catalogue.createRecognition(actor, dto);
  }

  @Delete('recognitions/:id')
  @ApiOperation({ summary: 'Delete a mutual recognition agreement' })
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse()
  removeRecognition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.catalogue.removeRecognition(actor, id);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  type CategoryComparisonResponse,
  CommonErrorCode,
  CriterionAspect,
  type Page,
  type ProductCategoryResponse,
  type RecognitionResponse,
  RecognitionStatus,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Actor, Viewer } from '../../common/http/actor.js';
import { type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import type {
  CompareQueryDto,
  CreateCategoryDto,
  CreateRecognitionDto,
  ListRecognitionsQueryDto,
  UpdateCategoryDto,
} from './dto/eco-label.dto.js';
import { EcoLabelSchemesService, toRecognitionResponse } from './eco-label-schemes.service.js';
import { EcoLabelErrorCode, EcoLabelException } from './eco-labels.exception.js';
import { MutualRecognition } from './entities/mutual-recognition.entity.js';
import { ProductCategory } from './entities/product-category.entity.js';
import { SchemeCategory } from './entities/scheme-category.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Product categories (shared reference data), mutual-recognition agreements, and side-by-side comparison. */
@Injectable()
export class EcoLabelCatalogueService {
  constructor(
    @InjectRepository(ProductCategory) private readonly categories: Repository<ProductCategory>,
    @InjectRepository(MutualRecognition) private readonly recognitions: Repository<MutualRecognition>,
    @InjectRepository(SchemeCategory) private readonly schemeCategories: Repository<SchemeCategory>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: EcoLabelSchemesService,
  ) {}

  async listCategories(query: PageQueryDto): Promise<Page<ProductCategoryResponse>> {
    const qb = this.categories.createQueryBuilder('c').orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC');
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(c.name, c.id) > (:name, :id)', { name, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toCategoryResponse, (c) => [c.name, c.id]);
  }

  async getCategory(id: string): Promise<ProductCategoryResponse> {
    return toCategoryResponse(await this.requireCategory(id));
  }

  async createCategory(actor: Actor, dto: CreateCategoryDto): Promise<ProductCategoryResponse> {
    return this.writeCategory(actor, null, dto);
  }

  async updateCategory(actor: Actor, id: string, dto: UpdateCategoryDto): Promise<ProductCategoryResponse> {
    rejectNulls(dto, ['code', 'name']);
    return this.writeCategory(actor, await this.requireCategory(id), dto);
  }

  async listRecognitions(viewer: Viewer, query: ListRecognitionsQueryDto): Promise<Page<RecognitionResponse>> {
    const qb = this.recognitions
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.schemeA', 'a')
      .innerJoinAndSelect('r.schemeB', 'b')
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (!viewer) qb.andWhere(`a.visibility = 'public' AND b.visibility = 'public'`);
    if (query.schemeId) qb.andWhere('(r.schemeAId = :id OR r.schemeBId = :id)', { id: query.schemeId });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(r.createdAt, r.id) > (:createdAt, :id)', { createdAt, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toRecognitionResponse, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async createRecognition(actor: Actor, dto: CreateRecognitionDto): Promise<RecognitionResponse> {
    const [first, second] = dto.schemeIds as [string, string];
    if (first === second) throw new EcoLabelException(EcoLabelErrorCode.SAME_SCHEME);
    await Promise.all([this.schemes.requireVisible(actor, first), this.schemes.requireVisible(actor, second)]);
    const categoryIds = dto.categoryIds ?? [];
    if (categoryIds.length) {
      const found = await this.categories.findBy({ id: In(categoryIds) });
      const missing = categoryIds.filter((id) => !found.some((c) => c.id === id));
      if (missing.length) {
        throw new CommonException(
          CommonErrorCode.VALIDATION_FAILED,
          undefined,
          missing.map((id) => ({ field: 'categoryIds', message: `unknown product category ${id}` })),
        );
      }
    }
    // One row per pair, whichever order the client names them in.
    const [schemeAId, schemeBId] = first < second ? [first, second] : [second, first];
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const recognition = await manager.getRepository(MutualRecognition).save({
          schemeAId,
          schemeBId,
          signedYear: dto.signedYear ?? null,
          status: dto.status ?? RecognitionStatus.Active,
          description: dto.description ?? null,
          categoryIds,
        });
        await this.schemes.record(
          manager,
          actor,
          AuditAction.EcoLabelRecordCreated,
          'eco_label_recognition',
          recognition.id,
          { schemeIds: [schemeAId, schemeBId], status: recognition.status },
        );
        return recognition;
      });
      return this.getRecognition(saved.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EcoLabelException(EcoLabelErrorCode.RECOGNITION_EXISTS);
      throw error;
    }
  }

  async removeRecognition(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(MutualRecognition).delete({ id });
      if (!result.affected) throw new EcoLabelException(EcoLabelErrorCode.RECOGNITION_NOT_FOUND);
      await this.schemes.record(manager, actor, AuditAction.EcoLabelRecordDeleted, 'eco_label_recognition', id, {});
    });
  }

  /**
   * The schemes with criteria for a category, side by side: standard, criteria, procedure, which of the other
   * compared schemes they recognise, and an aspect matrix.
   */
  async compare(viewer: Viewer, categoryId: string, query: CompareQueryDto): Promise<CategoryComparisonResponse> {
    const category = await this.requireCategory(categoryId);
    const wanted = (query.schemeIds ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = wanted.filter((id) => !UUID.test(id));
    if (bad.length) {
      throw new CommonException(
        CommonErrorCode.VALIDATION_FAILED,
        undefined,
        bad.map((id) => ({ field: 'schemeIds', message: `${id} is not a UUID` })),
      );
    }
    const links = await this.schemeCategories.find({
      where: { categoryId, ...(wanted.length ? { schemeId: In(wanted) } : {}) },
    });
    const schemes = (
      await this.schemes.visible(
        viewer,
        links.map((l) => l.schemeId),
      )
    ).sort((a, b) => a.name.localeCompare(b.name));
    const ids = schemes.map((s) => s.id);
    const [criteria, steps, recognitions] = await Promise.all([
      this.schemes.categoryResponses(ids, categoryId),
      this.schemes.stepResponses(ids),
      this.schemes.recognitionResponses(viewer, ids),
    ]);
    const active = recognitions.filter(
      (r) =>
        r.status === RecognitionStatus.Active && (r.categoryIds.length === 0 || r.categoryIds.includes(categoryId)),
    );
    const compared = schemes.map((s) => {
      const own = criteria.get(s.id)?.[0];
      return {
        scheme: { id: s.id, name: s.name, country: s.country, operator: s.operator, website: s.website },
        standardCode: own?.standardCode ?? null,
        criteria: own?.criteria ?? [],
        certificationSteps: steps.get(s.id) ?? [],
        recognizedSchemeIds: active
          .filter((r) => r.schemes.some((x) => x.id === s.id))
          .map((r) => r.schemes.find((x) => x.id !== s.id)!.id)
          .filter((other) => ids.includes(other)),
      };
    });
    return {
      category: toCategoryResponse(category),
      schemes: compared,
      aspects: Object.values(CriterionAspect)
        .map((aspect) => ({
          aspect,
          schemeIds: compared.filter((c) => c.criteria.some((x) => x.aspect === aspect)).map((c) => c.scheme.id),
        }))
        .filter((row) => row.schemeIds.length > 0),
    };
  }

  private async getRecognition(id: string): Promise<RecognitionResponse> {
    const row = await this.recognitions.findOneOrFail({ where: { id }, relations: { schemeA: true, schemeB: true } });
    return toRecognitionResponse(row);
  }

  private async requireCategory(id: string): Promise<ProductCategory> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw new EcoLabelException(EcoLabelErrorCode.CATEGORY_NOT_FOUND);
    return category;
  }

  private async writeCategory(
    actor: Actor,
    existing: ProductCategory | null,
    dto: UpdateCategoryDto,
  ): Promise<ProductCategoryResponse> {
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const category = await manager
          .getRepository(ProductCategory)
          .save(existing ? Object.assign(existing, dto) : { ...dto, description: dto.description ?? null });
        await this.schemes.record(
          manager,
          actor,
          existing ? AuditAction.EcoLabelRecordUpdated : AuditAction.EcoLabelRecordCreated,
          'eco_label_category',
          category.id,
          { code: category.code, fields: Object.keys(dto) },
        );
        return category;
      });
      return toCategoryResponse(saved);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EcoLabelException(EcoLabelErrorCode.CATEGORY_CODE_TAKEN);
      throw error;
    }
  }
}

function toCategoryResponse(c: ProductCategory): ProductCategoryResponse {
  return { id: c.id, code: c.code, name: c.name, description: c.description };
}

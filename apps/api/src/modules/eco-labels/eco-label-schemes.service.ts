import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  type CertificationStepResponse,
  type EcoLabelSchemeResponse,
  type Page,
  type RecognitionResponse,
  RecordVisibility,
  type SchemeCategoryResponse,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { AuditService } from '../audit/audit.service.js';
import { LinkedRecordsService } from '../linked-records/linked-records.service.js';
import type {
  CreateSchemeDto,
  ListSchemesQueryDto,
  SetSchemeCategoryDto,
  SetStepsDto,
  UpdateSchemeDto,
} from './dto/eco-label.dto.js';
import { EcoLabelErrorCode, EcoLabelException } from './eco-labels.exception.js';
import { CertificationStep } from './entities/certification-step.entity.js';
import { EcoLabelCriterion } from './entities/eco-label-criterion.entity.js';
import { EcoLabelScheme } from './entities/eco-label-scheme.entity.js';
import { MutualRecognition } from './entities/mutual-recognition.entity.js';
import { ProductCategory } from './entities/product-category.entity.js';
import { SchemeCategory } from './entities/scheme-category.entity.js';

/**
 * Type I eco-label schemes with their certification procedure and their criteria per product category.
 * Everyone reads public schemes, members all; coordinators and admins write (checked by the routes).
 */
@Injectable()
export class EcoLabelSchemesService {
  constructor(
    @InjectRepository(EcoLabelScheme) private readonly schemes: Repository<EcoLabelScheme>,
    @InjectRepository(SchemeCategory) private readonly schemeCategories: Repository<SchemeCategory>,
    @InjectRepository(EcoLabelCriterion) private readonly criteria: Repository<EcoLabelCriterion>,
    @InjectRepository(CertificationStep) private readonly steps: Repository<CertificationStep>,
    @InjectRepository(MutualRecognition) private readonly recognitions: Repository<MutualRecognition>,
    @InjectRepository(ProductCategory) private readonly categories: Repository<ProductCategory>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly links: LinkedRecordsService,
  ) {}

  async list(viewer: Viewer, query: ListSchemesQueryDto): Promise<Page<EcoLabelSchemeResponse>> {
    const qb = this.schemes.createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC');
    if (!viewer) qb.andWhere('s.visibility = :public', { public: RecordVisibility.Public });
    if (query.country) qb.andWhere('s.country = :country', { country: query.country });
    if (query.categoryId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM eco_label_scheme_categories sc WHERE sc.scheme_id = s.id AND sc.category_id = :categoryId)',
        { categoryId: query.categoryId },
      );
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(s.name, s.id) > (:name, :id)', { name, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    const page = toPage(
      rows,
      query.limit,
      (s) => s,
      (s) => [s.name, s.id],
    );
    return { items: await this.toResponses(viewer, page.items), nextCursor: page.nextCursor };
  }

  async get(viewer: Viewer, id: string): Promise<EcoLabelSchemeResponse> {
    return (await this.toResponses(viewer, [await this.requireVisible(viewer, id)]))[0]!;
  }

  async create(actor: Actor, dto: CreateSchemeDto): Promise<EcoLabelSchemeResponse> {
    await this.links.requireLinkable(actor, dto.documentIds ?? []);
    const scheme = await this.writeUnique(async (manager) => {
      const saved = await manager.getRepository(EcoLabelScheme).save({
        name: dto.name,
        localName: dto.localName ?? null,
        country: dto.country,
        operator: dto.operator,
        establishedYear: dto.establishedYear ?? null,
        website: dto.website ?? null,
        description: dto.description ?? null,
        visibility: dto.visibility ?? RecordVisibility.Public,
        documentIds: dto.documentIds ?? [],
        createdById: actor.id,
      });
      await this.record(manager, actor, AuditAction.EcoLabelRecordCreated, 'eco_label_scheme', saved.id, {
        name: saved.name,
      });
      return saved;
    });
    const roomId = await this.links.openRoom(actor, {
      name: `Eco-label: ${scheme.name}`,
      topic: `Discussion of the ${scheme.name} scheme (${scheme.country})`,
    });
    await this.schemes.update({ id: scheme.id }, { roomId });
    return this.get(actor, scheme.id);
  }

  async update(actor: Actor, id: string, dto: UpdateSchemeDto): Promise<EcoLabelSchemeResponse> {
    rejectNulls(dto, ['name', 'country', 'operator', 'visibility', 'documentIds']);
    const scheme = await this.requireVisible(actor, id);
    if (dto.documentIds) await this.links.requireLinkable(actor, dto.documentIds);
    Object.assign(scheme, dto);
    await this.writeUnique(async (manager) => {
      await manager.getRepository(EcoLabelScheme).save(scheme);
      await this.record(manager, actor, AuditAction.EcoLabelRecordUpdated, 'eco_label_scheme', id, {
        fields: Object.keys(dto),
      });
      return scheme;
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const scheme = await this.requireVisible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(EcoLabelScheme).delete({ id });
      await this.record(manager, actor, AuditAction.EcoLabelRecordDeleted, 'eco_label_scheme', id, {
        name: scheme.name,
      });
    });
    await this.links.archiveRooms(actor, [scheme.roomId]);
  }

  /** Replaces the certification procedure. */
  async setSteps(actor: Actor, id: string, dto: SetStepsDto): Promise<EcoLabelSchemeResponse> {
    await this.requireVisible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CertificationStep);
      await repository.delete({ schemeId: id });
      if (dto.steps.length) {
        await repository.insert(
          dto.steps.map((step, index) => ({
            schemeId: id,
            position: index + 1,
            title: step.title,
            description: step.description ?? null,
            durationDays: step.durationDays ?? null,
          })),
        );
      }
      await this.record(manager, actor, AuditAction.EcoLabelRecordUpdated, 'eco_label_scheme', id, {
        certificationSteps: dto.steps.length,
      });
    });
    return this.get(actor, id);
  }

  /** Sets the scheme's standard and criteria for one product category (creating or replacing them). */
  async setCategory(
    actor: Actor,
    schemeId: string,
    categoryId: string,
    dto: SetSchemeCategoryDto,
  ): Promise<SchemeCategoryResponse> {
    await this.requireVisible(actor, schemeId);
    if (!(await this.categories.existsBy({ id: categoryId }))) {
      throw new EcoLabelException(EcoLabelErrorCode.CATEGORY_NOT_FOUND);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SchemeCategory)
        .values({ schemeId, categoryId, standardCode: dto.standardCode ?? null })
        .orUpdate(['standard_code', 'updated_at'], ['scheme_id', 'category_id'])
        .execute();
      const link = await manager.getRepository(SchemeCategory).findOneByOrFail({ schemeId, categoryId });
      await manager.getRepository(EcoLabelCriterion).delete({ schemeCategoryId: link.id });
      if (dto.criteria.length) {
        await manager.getRepository(EcoLabelCriterion).insert(
          dto.criteria.map((criterion, index) => ({
            schemeCategoryId: link.id,
            position: index + 1,
            aspect: criterion.aspect,
            title: criterion.title,
            requirement: criterion.requirement ?? null,
          })),
        );
      }
      await this.record(manager, actor, AuditAction.EcoLabelRecordUpdated, 'eco_label_scheme', schemeId, {
        categoryId,
        standardCode: dto.standardCode ?? null,
        criteria: dto.criteria.length,
      });
    });
    return (await this.categoryResponses([schemeId], categoryId)).get(schemeId)![0]!;
  }

  async getCategory(viewer: Viewer, schemeId: string, categoryId: string): Promise<SchemeCategoryResponse> {
    await this.requireVisible(viewer, schemeId);
    const found = (await this.categoryResponses([schemeId], categoryId)).get(schemeId)?.[0];
    if (!found) throw new EcoLabelException(EcoLabelErrorCode.SCHEME_CATEGORY_NOT_FOUND);
    return found;
  }

  async removeCategory(actor: Actor, schemeId: string, categoryId: string): Promise<void> {
    await this.requireVisible(actor, schemeId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(SchemeCategory).delete({ schemeId, categoryId });
      if (!result.affected) throw new EcoLabelException(EcoLabelErrorCode.SCHEME_CATEGORY_NOT_FOUND);
      await this.record(manager, actor, AuditAction.EcoLabelRecordUpdated, 'eco_label_scheme', schemeId, {
        removedCategoryId: categoryId,
      });
    });
  }

  async requireVisible(viewer: Viewer, id: string): Promise<EcoLabelScheme> {
    const scheme = await this.schemes.findOneBy({ id });
    if (!scheme || (!viewer && scheme.visibility !== RecordVisibility.Public)) {
      throw new EcoLabelException(EcoLabelErrorCode.SCHEME_NOT_FOUND);
    }
    return scheme;
  }

  /** The schemes among `ids` the viewer may read. */
  async visible(viewer: Viewer, ids: string[]): Promise<EcoLabelScheme[]> {
    if (ids.length === 0) return [];
    const rows = await this.schemes.findBy({ id: In(ids) });
    return rows.filter((s) => viewer || s.visibility === RecordVisibility.Public);
  }

  /** Criteria per scheme for the categories (all, or one), ordered by category name. */
  async categoryResponses(schemeIds: string[], categoryId?: string): Promise<Map<string, SchemeCategoryResponse[]>> {
    const result = new Map<string, SchemeCategoryResponse[]>();
    if (schemeIds.length === 0) return result;
    const links = await this.schemeCategories.find({
      where: { schemeId: In(schemeIds), ...(categoryId ? { categoryId } : {}) },
      relations: { category: true },
    });
    const criteria = links.length
      ? await this.criteria.find({
          where: { schemeCategoryId: In(links.map((l) => l.id)) },
          order: { position: 'ASC' },
        })
      : [];
    links.sort((a, b) => a.category.name.localeCompare(b.category.name));
    for (const link of links) {
      const list = result.get(link.schemeId) ?? [];
      result.set(link.schemeId, list);
      list.push({
        category: {
          id: link.category.id,
          code: link.category.code,
          name: link.category.name,
          description: link.category.description,
        },
        standardCode: link.standardCode,
        criteria: criteria
          .filter((c) => c.schemeCategoryId === link.id)
          .map((c) => ({ id: c.id, aspect: c.aspect, title: c.title, requirement: c.requirement })),
      });
    }
    return result;
  }

  async stepResponses(schemeIds: string[]): Promise<Map<string, CertificationStepResponse[]>> {
    const rows = schemeIds.length
      ? await this.steps.find({ where: { schemeId: In(schemeIds) }, order: { position: 'ASC' } })
      : [];
    const result = new Map<string, CertificationStepResponse[]>();
    for (const step of rows) {
      const list = result.get(step.schemeId) ?? [];
      result.set(step.schemeId, list);
      list.push({
        position: step.position,
        title: step.title,
        description: step.description,
        durationDays: step.durationDays,
      });
    }
    return result;
  }

  /** Agreements involving the schemes, each with both schemes the viewer may read. */
  async recognitionResponses(viewer: Viewer, schemeIds: string[]): Promise<RecognitionResponse[]> {
    if (schemeIds.length === 0) return [];
    const rows = await this.recognitions.find({
      where: [{ schemeAId: In(schemeIds) }, { schemeBId: In(schemeIds) }],
      relations: { schemeA: true, schemeB: true },
      order: { signedYear: 'ASC', id: 'ASC' },
    });
    return rows
      .filter((r) => viewer || (r.schemeA.visibility === 'public' && r.schemeB.visibility === 'public'))
      .map(toRecognitionResponse);
  }

  async record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    targetType: string,
    targetId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record({ action, actorId: actor.id, targetType, targetId, details }, manager);
  }

  private async writeUnique<T>(write: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EcoLabelException(EcoLabelErrorCode.SCHEME_NAME_TAKEN);
      throw error;
    }
  }

  private async toResponses(viewer: Viewer, schemes: EcoLabelScheme[]): Promise<EcoLabelSchemeResponse[]> {
    if (schemes.length === 0) return [];
    const ids = schemes.map((s) => s.id);
    const [categories, steps, recognitions, linksOf] = await Promise.all([
      this.categoryResponses(ids),
      this.stepResponses(ids),
      this.recognitionResponses(viewer, ids),
      this.links.linksFor(viewer, schemes),
    ]);
    return schemes.map((s) => ({
      id: s.id,
      name: s.name,
      localName: s.localName,
      country: s.country,
      operator: s.operator,
      establishedYear: s.establishedYear,
      website: s.website,
      description: s.description,
      visibility: s.visibility,
      categories: categories.get(s.id) ?? [],
      certificationSteps: steps.get(s.id) ?? [],
      recognitions: recognitions.filter((r) => r.schemes.some((x) => x.id === s.id)),
      ...linksOf(s),
      canEdit: viewer !== null && isNetworkStaff(viewer),
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    }));
  }
}

export function toRecognitionResponse(r: MutualRecognition): RecognitionResponse {
  return {
    id: r.id,
    schemes: [
      { id: r.schemeA.id, name: r.schemeA.name, country: r.schemeA.country },
      { id: r.schemeB.id, name: r.schemeB.name, country: r.schemeB.country },
    ],
    signedYear: r.signedYear,
    status: r.status,
    description: r.description,
    categoryIds: r.categoryIds,
  };
}

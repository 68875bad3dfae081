import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import {
  type ActionResponse,
  AuditAction,
  type Page,
  RecordVisibility,
  StrategyStatus,
  type StrategyResponse,
  type TargetResponse,
} from '@lcc/contracts';
import type { Actor, Viewer } from '../../common/http/actor.js';
import { type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { CitiesService } from '../cities/cities.service.js';
import { visibilityAllows, visibleSql } from '../cities/city-access.js';
import { LinkedRecordsService } from '../linked-records/linked-records.service.js';
import { StrategyErrorCode, StrategyException } from './strategies.exception.js';
import type {
  CreateActionDto,
  CreateStrategyDto,
  CreateTargetDto,
  UpdateActionDto,
  UpdateStrategyDto,
  UpdateTargetDto,
} from './dto/strategy.dto.js';
import { StrategyAction } from './entities/strategy-action.entity.js';
import {
  actionProblems,
  actionRow,
  failOn,
  periodProblems,
  targetProblems,
  targetRow,
  toActionResponse,
  toTargetResponse,
} from './strategy-rules.js';
import { StrategyTarget } from './entities/strategy-target.entity.js';
import { Strategy } from './entities/strategy.entity.js';

/** A strategy target as analysis receives it. */
export type { StrategyTarget };

/** Strategies and plans of cities, with their targets and actions; linked documents; one discussion room each. */
@Injectable()
export class StrategiesService implements OnModuleInit {
  constructor(
    @InjectRepository(Strategy) private readonly strategies: Repository<Strategy>,
    @InjectRepository(StrategyTarget) private readonly targets: Repository<StrategyTarget>,
    @InjectRepository(StrategyAction) private readonly actions: Repository<StrategyAction>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
    private readonly links: LinkedRecordsService,
  ) {}

  /** A deleted city takes its strategies with it (by cascade): their rooms are archived after the commit. */
  onModuleInit(): void {
    this.cities.register({
      deleting: async (manager, cityId) => {
        const strategies = await manager.getRepository(Strategy).find({ select: { roomId: true }, where: { cityId } });
        return (actor) =>
          this.links.archiveRooms(
            actor,
            strategies.map((s) => s.roomId),
          );
      },
    });
  }

  async list(viewer: Viewer, cityId: string, query: PageQueryDto): Promise<Page<StrategyResponse>> {
    await this.cities.requireVisible(viewer, cityId);
    const qb = this.strategies
      .createQueryBuilder('s')
      .where('s.cityId = :cityId', { cityId })
      .andWhere(visibleSql(viewer, 's'))
      .orderBy('s.title', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (query.cursor) {
      const [title, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(s.title, s.id) > (:title, :id)', { title, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    const page = toPage(
      rows,
      query.limit,
      (s) => s,
      (s) => [s.title, s.id],
    );
    return { items: await this.toResponses(viewer, page.items), nextCursor: page.nextCursor };
  }

  async get(viewer: Viewer, id: string): Promise<StrategyResponse> {
    const strategy = await this.requireVisible(viewer, id);
    return (await this.toResponses(viewer, [strategy]))[0]!;
  }

  async create(actor: Actor, cityId: string, dto: CreateStrategyDto): Promise<StrategyResponse> {
    const city = await this.cities.requireEditor(actor, cityId);
    const problems = [
      ...periodProblems(dto.periodStart, dto.periodEnd, 'periodStart', 'periodEnd'),
      ...(dto.targets ?? []).flatMap((t, i) => targetProblems(t, `targets[${i}].`)),
      ...(dto.actions ?? []).flatMap((a, i) => actionProblems(a, `actions[${i}].`)),
    ];
    failOn(problems);
    await this.links.requireLinkable(actor, dto.documentIds ?? []);
    const saved = await this.dataSource.transaction(async (manager) => {
      const strategy = await manager.getRepository(Strategy).save({
        cityId,
        title: dto.title,
        type: dto.type,
        description: dto.description ?? null,
        adoptionYear: dto.adoptionYear ?? null,
        periodStart: dto.periodStart ?? null,
        periodEnd: dto.periodEnd ?? null,
        status: dto.status ?? StrategyStatus.Adopted,
        visibility: dto.visibility ?? RecordVisibility.Network,
        documentIds: dto.documentIds ?? [],
        createdById: actor.id,
      });
      if (dto.targets?.length) {
        await manager.getRepository(StrategyTarget).insert(dto.targets.map((t) => targetRow(strategy.id, t)));
      }
      if (dto.actions?.length) {
        await manager.getRepository(StrategyAction).insert(dto.actions.map((a) => actionRow(strategy.id, a)));
      }
      await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'strategy', strategy.id, {
        cityId,
        title: strategy.title,
        targets: dto.targets?.length ?? 0,
        actions: dto.actions?.length ?? 0,
      });
      return strategy;
    });
    const roomId = await this.links.openRoom(actor, {
      name: `${city.nameEn}: ${saved.title}`,
      topic: `Discussion of the ${saved.type.replace(/_/g, ' ')} "${saved.title}"`,
    });
    await this.strategies.update({ id: saved.id }, { roomId });
    return this.get(actor, saved.id);
  }

  async update(actor: Actor, id: string, dto: UpdateStrategyDto): Promise<StrategyResponse> {
    rejectNulls(dto, ['title', 'type', 'status', 'visibility', 'documentIds']);
    const strategy = await this.requireEditable(actor, id);
    failOn(
      periodProblems(
        dto.periodStart === undefined ? strategy.periodStart : dto.periodStart,
        dto.periodEnd === undefined ? strategy.periodEnd : dto.periodEnd,
        'periodStart',
        'periodEnd',
      ),
    );
    if (dto.documentIds) await this.links.requireLinkable(actor, dto.documentIds);
    Object.assign(strategy, dto);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Strategy).save(strategy);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'strategy', id, {
        fields: Object.keys(dto),
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const strategy = await this.requireEditable(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Strategy).delete({ id });
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'strategy', id, {
        cityId: strategy.cityId,
        title: strategy.title,
      });
    });
    await this.links.archiveRooms(actor, [strategy.roomId]);
  }

  async addTarget(actor: Actor, strategyId: string, dto: CreateTargetDto): Promise<TargetResponse> {
    await this.requireEditable(actor, strategyId);
    failOn(targetProblems(dto, ''));
    const target = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(StrategyTarget).save(targetRow(strategyId, dto));
      await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'strategy_target', saved.id, {
        strategyId,
        type: saved.type,
      });
      return saved;
    });
    return toTargetResponse(target);
  }

  async updateTarget(
    actor: Actor,
    strategyId: string,
    targetId: string,
    dto: UpdateTargetDto,
  ): Promise<TargetResponse> {
    await this.requireEditable(actor, strategyId);
    rejectNulls(dto, ['type', 'gas', 'scopes', 'sectors', 'targetYear']);
    const target = await this.targets.findOneBy({ id: targetId, strategyId });
    if (!target) throw new StrategyException(StrategyErrorCode.TARGET_NOT_FOUND);
    Object.assign(target, dto);
    failOn(targetProblems(target, ''));
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(StrategyTarget).save(target);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'strategy_target', targetId, {
        strategyId,
        fields: Object.keys(dto),
      });
    });
    return toTargetResponse(target);
  }

  async removeTarget(actor: Actor, strategyId: string, targetId: string): Promise<void> {
    await this.requireEditable(actor, strategyId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(StrategyTarget).delete({ id: targetId, strategyId });
      if (!result.affected) throw new StrategyException(StrategyErrorCode.TARGET_NOT_FOUND);
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'strategy_target', targetId, {
        strategyId,
      });
    });
  }

  async addAction(actor: Actor, strategyId: string, dto: CreateActionDto): Promise<ActionResponse> {
    await this.requireEditable(actor, strategyId);
    failOn(actionProblems(dto, ''));
    const action = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(StrategyAction).save(actionRow(strategyId, dto));
      await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'strategy_action', saved.id, {
        strategyId,
        title: saved.title,
      });
      return saved;
    });
    return toActionResponse(action);
  }

  async updateAction(
    actor: Actor,
    strategyId: string,
    actionId: string,
    dto: UpdateActionDto,
  ): Promise<ActionResponse> {
    await this.requireEditable(actor, strategyId);
    rejectNulls(dto, ['title', 'status']);
    const action = await this.actions.findOneBy({ id: actionId, strategyId });
    if (!action) throw new StrategyException(StrategyErrorCode.ACTION_NOT_FOUND);
    Object.assign(action, dto);
    failOn(actionProblems(action, ''));
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(StrategyAction).save(action);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'strategy_action', actionId, {
        strategyId,
        fields: Object.keys(dto),
      });
    });
    return toActionResponse(action);
  }

  async removeAction(actor: Actor, strategyId: string, actionId: string): Promise<void> {
    await this.requireEditable(actor, strategyId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(StrategyAction).delete({ id: actionId, strategyId });
      if (!result.affected) throw new StrategyException(StrategyErrorCode.ACTION_NOT_FOUND);
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'strategy_action', actionId, {
        strategyId,
      });
    });
  }

  /** The strategy if the viewer may read it and its city (404 otherwise). */
  async requireVisible(viewer: Viewer, id: string): Promise<Strategy> {
    const strategy = await this.strategies.findOneBy({ id });
    if (!strategy || !visibilityAllows(strategy.visibility, viewer)) {
      throw new StrategyException(StrategyErrorCode.STRATEGY_NOT_FOUND);
    }
    try {
      await this.cities.requireVisible(viewer, strategy.cityId);
    } catch {
      throw new StrategyException(StrategyErrorCode.STRATEGY_NOT_FOUND);
    }
    return strategy;
  }

  async targetsOf(strategyId: string): Promise<StrategyTarget[]> {
    return this.targets.find({ where: { strategyId }, order: { targetYear: 'ASC', id: 'ASC' } });
  }

  private async requireEditable(actor: Actor, id: string): Promise<Strategy> {
    const strategy = await this.requireVisible(actor, id);
    await this.cities.requireEditor(actor, strategy.cityId);
    return strategy;
  }

  private async toResponses(viewer: Viewer, strategies: Strategy[]): Promise<StrategyResponse[]> {
    if (strategies.length === 0) return [];
    const ids = strategies.map((s) => s.id);
    const cityIds = strategies.map((s) => s.cityId);
    const [targets, actions, cities, editable, linksOf] = await Promise.all([
      this.targets.find({ where: { strategyId: In(ids) }, order: { targetYear: 'ASC', id: 'ASC' } }),
      this.actions.find({ where: { strategyId: In(ids) }, order: { title: 'ASC', id: 'ASC' } }),
      this.cities.summaries(cityIds),
      this.cities.editableIds(viewer, cityIds),
      this.links.linksFor(viewer, strategies),
    ]);
    return strategies.map((s) => ({
      id: s.id,
      city: cities.get(s.cityId)!,
      title: s.title,
      type: s.type,
      description: s.description,
      adoptionYear: s.adoptionYear,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      status: s.status,
      visibility: s.visibility,
      ...linksOf(s),
      targets: targets.filter((t) => t.strategyId === s.id).map(toTargetResponse),
      actions: actions.filter((a) => a.strategyId === s.id).map(toActionResponse),
      canEdit: editable.has(s.cityId),
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    }));
  }
}

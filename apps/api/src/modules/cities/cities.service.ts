import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  CityMemberRole,
  type CityMemberRef,
  type CityResponse,
  type CityStatistic,
  type CitySummary,
  type Page,
  RecordVisibility,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { escapeLike } from '../../common/search/like.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MembersService } from '../members/members.service.js';
import { CityErrorCode, CityException } from './cities.exception.js';
import { visibilityAllows, visibleSql } from './city-access.js';
import type { CityDependent } from './city-dependents.js';
import type { CreateCityDto, ListCitiesQueryDto, SetCityMembersDto, UpdateCityDto } from './dto/city.dto.js';
import { CityMember } from './entities/city-member.entity.js';
import { City } from './entities/city.entity.js';

/** The city row as the information platform's other features receive it. */
export type { City };

/**
 * Cities and the access rule of every city record: everyone reads `public` records, active members read all;
 * coordinators, admins and the city's focal points write (`requireEditor`).
 */
@Injectable()
export class CitiesService {
  private readonly dependents: CityDependent[] = [];

  constructor(
    @InjectRepository(City) private readonly cities: Repository<City>,
    @InjectRepository(CityMember) private readonly cityMembers: Repository<CityMember>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly members: MembersService,
  ) {}

  /** A deleted account is no longer a city's focal point or member organisation. */
  @OnEvent(MemberDeletedEvent.NAME, { async: true, promisify: true })
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    await this.cityMembers.delete({ memberId: event.memberId });
  }

  /** Called by the features that keep records under cities, when their module starts (see `CityDependent`). */
  register(dependent: CityDependent): void {
    this.dependents.push(dependent);
  }

  async list(viewer: Viewer, query: ListCitiesQueryDto): Promise<Page<CityResponse>> {
    const qb = this.cities
      .createQueryBuilder('c')
      .where(visibleSql(viewer, 'c'))
      .orderBy('c.nameEn', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (query.country) qb.andWhere('c.country = :country', { country: query.country });
    if (query.q) {
      qb.andWhere(`(c.nameEn ILIKE :q ESCAPE '\\' OR c.nameLocal ILIKE :q ESCAPE '\\')`, {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(c.nameEn, c.id) > (:name, :id)', { name, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    const page = toPage(
      rows,
      query.limit,
      (c) => c,
      (c) => [c.nameEn, c.id],
    );
    return { items: await this.toResponses(viewer, page.items), nextCursor: page.nextCursor };
  }

  async get(viewer: Viewer, id: string): Promise<CityResponse> {
    const city = await this.requireVisible(viewer, id);
    return (await this.toResponses(viewer, [city]))[0]!;
  }

  /** Coordinators and admins (checked by the route). */
  async create(actor: Actor, dto: CreateCityDto): Promise<CityResponse> {
    const city = await this.saveUnique(async (manager) => {
      const saved = await manager.getRepository(City).save({
        nameEn: dto.nameEn,
        nameLocal: dto.nameLocal ?? null,
        country: dto.country,
        areaKm2: dto.areaKm2 ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        description: dto.description ?? null,
        visibility: dto.visibility ?? RecordVisibility.Network,
        createdById: actor.id,
      });
      await this.record(manager, actor, AuditAction.CityRecordCreated, 'city', saved.id, { nameEn: saved.nameEn });
      return saved;
    });
    return this.get(actor, city.id);
  }

  async update(actor: Actor, id: string, dto: UpdateCityDto): Promise<CityResponse> {
    rejectNulls(dto, ['nameEn', 'country', 'visibility']);
    const city = await this.requireEditor(actor, id);
    const moved = dto.country !== undefined && dto.country !== city.country;
    Object.assign(city, dto);
    await this.saveUnique(async (manager) => {
      await manager.getRepository(City).save(city);
      if (moved) {
        for (const dependent of this.dependents) await dependent.countryChanged?.(manager, id, city.country);
      }
      await this.record(manager, actor, AuditAction.CityRecordUpdated, 'city', id, { fields: Object.keys(dto) });
      return city;
    });
    return this.get(actor, id);
  }

  /** Coordinators and admins (checked by the route); everything of the city goes with it. */
  async remove(actor: Actor, id: string): Promise<void> {
    const city = await this.requireVisible(actor, id);
    const afterCommit = await this.dataSource.transaction(async (manager) => {
      const work: ((actor: Actor) => Promise<void>)[] = [];
      for (const dependent of this.dependents) if (dependent.deleting) work.push(await dependent.deleting(manager, id));
      await manager.getRepository(City).delete({ id });
      await this.record(manager, actor, AuditAction.CityRecordDeleted, 'city', id, { nameEn: city.nameEn });
      return work;
    });
    for (const work of afterCommit) await work(actor);
  }

  /** Replaces the city's focal points and member organisations (coordinators and admins). */
  async setMembers(actor: Actor, id: string, dto: SetCityMembersDto): Promise<CityResponse> {
    await this.requireVisible(actor, id);
    const wanted = [...new Set([...dto.focalPointIds, ...dto.organizationIds])];
    const active = await this.members.activeIds(wanted);
    const missing = wanted.filter((memberId) => !active.has(memberId));
    if (missing.length) {
      throw new CityException(
        CityErrorCode.CITY_MEMBER_NOT_FOUND,
        undefined,
        missing.map((memberId) => ({
          field: dto.focalPointIds.includes(memberId) ? 'focalPointIds' : 'organizationIds',
          message: `${memberId} is not an active member`,
        })),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CityMember);
      await repository.delete({ cityId: id });
      const rows = [
        ...dto.focalPointIds.map((memberId) => ({ cityId: id, memberId, role: CityMemberRole.FocalPoint })),
        ...dto.organizationIds.map((memberId) => ({ cityId: id, memberId, role: CityMemberRole.Organization })),
      ];
      if (rows.length) await repository.insert(rows);
      await this.record(manager, actor, AuditAction.CityRecordUpdated, 'city', id, {
        focalPointIds: dto.focalPointIds,
        organizationIds: dto.organizationIds,
      });
    });
    return this.get(actor, id);
  }

  /** The city if the viewer may read it, else 404. */
  async requireVisible(viewer: Viewer, id: string): Promise<City> {
    const city = await this.cities.findOneBy({ id });
    if (!city || !visibilityAllows(city.visibility, viewer)) throw new CityException(CityErrorCode.CITY_NOT_FOUND);
    return city;
  }

  /** The city if the actor may change its records: coordinators, admins and its focal points (403 otherwise). */
  async requireEditor(actor: Actor, id: string): Promise<City> {
    const city = await this.requireVisible(actor, id);
    if (!(await this.canEdit(actor, id))) throw new CityException(CityErrorCode.CITY_EDIT_FORBIDDEN);
    return city;
  }

  async canEdit(viewer: Viewer, cityId: string): Promise<boolean> {
    return (await this.editableIds(viewer, [cityId])).has(cityId);
  }

  /** Which of the cities the viewer may edit. */
  async editableIds(viewer: Viewer, cityIds: string[]): Promise<Set<string>> {
    if (!viewer || cityIds.length === 0) return new Set();
    if (isNetworkStaff(viewer)) return new Set(cityIds);
    const rows = await this.cityMembers.find({
      select: { cityId: true },
      where: { cityId: In(cityIds), memberId: viewer.id, role: CityMemberRole.FocalPoint },
    });
    return new Set(rows.map((r) => r.cityId));
  }

  /** Summaries of cities by id (for responses of strategies, inventories and values). */
  async summaries(ids: string[]): Promise<Map<string, CitySummary>> {
    if (ids.length === 0) return new Map();
    const rows = await this.cities.findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((c) => [c.id, toCitySummary(c)]));
  }

  /** Finds a city by English name within a country (case-insensitive), for CSV files. */
  async findByName(country: string, nameEn: string): Promise<City | null> {
    return this.cities
      .createQueryBuilder('c')
      .where('c.country = :country AND lower(c.nameEn) = lower(:nameEn)', { country, nameEn })
      .getOne();
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

  private async saveUnique(write: (manager: EntityManager) => Promise<City>): Promise<City> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CityException(CityErrorCode.CITY_NAME_TAKEN);
      throw error;
    }
  }

  private async toResponses(viewer: Viewer, cities: City[]): Promise<CityResponse[]> {
    const ids = cities.map((c) => c.id);
    if (ids.length === 0) return [];
    const [links, statistics, editable] = await Promise.all([
      this.cityMembers.find({ where: { cityId: In(ids) }, relations: { member: true } }),
      this.statistics(viewer, ids),
      this.editableIds(viewer, ids),
    ]);
    return cities.map((city) => {
      const mine = links.filter((l) => l.cityId === city.id);
      const refs = (role: CityMemberRole): CityMemberRef[] =>
        mine
          .filter((l) => l.role === role)
          .map((l) => ({ id: l.member.id, displayName: l.member.displayName, organization: l.member.organization }))
          .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return {
        ...toCitySummary(city),
        areaKm2: city.areaKm2,
        latitude: city.latitude,
        longitude: city.longitude,
        description: city.description,
        visibility: city.visibility,
        focalPoints: refs(CityMemberRole.FocalPoint),
        organizations: refs(CityMemberRole.Organization),
        statistics: statistics.get(city.id) ?? [],
        canEdit: editable.has(city.id),
        createdAt: city.createdAt.toISOString(),
        updatedAt: city.updatedAt.toISOString(),
      };
    });
  }

  /** Population and GDP by year, from the feature that keeps the series (none registered: no statistics). */
  private async statistics(viewer: Viewer, cityIds: string[]): Promise<Map<string, CityStatistic[]>> {
    for (const dependent of this.dependents) if (dependent.statistics) return dependent.statistics(viewer, cityIds);
    return new Map();
  }
}

export function toCitySummary(city: City): CitySummary {
  return { id: city.id, nameEn: city.nameEn, nameLocal: city.nameLocal, country: city.country };
}

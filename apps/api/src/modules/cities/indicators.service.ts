import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  CommonErrorCode,
  type IndicatorResponse,
  IndicatorSubject,
  type Page,
  type ReportedChangeResponse,
  RecordVisibility,
  type SubjectRef,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { CitiesService } from './cities.service.js';
import { CityErrorCode, CityException } from './cities.exception.js';
import { splitList, type Viewer } from './city-access.js';
import type {
  CreateIndicatorDto,
  CreateReportedChangeDto,
  ListReportedChangesQueryDto,
  SubjectQueryDto,
  UpdateIndicatorDto,
} from './dto/indicator.dto.js';
import type { City } from './entities/city.entity.js';
import { Indicator } from './entities/indicator.entity.js';
import { ReportedChange } from './entities/reported-change.entity.js';
import { SqlParams } from '../../common/sql/sql-params.js';

/** A value's subject resolved for writing: a city the actor may edit, or a country (coordinators only). */
export interface WritableSubject {
  city: City | null;
  country: string;
}

/** Indicator definitions, the subjects of values, and reported period changes. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(ReportedChange) private readonly changes: Repository<ReportedChange>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<IndicatorResponse>> {
    const qb = this.indicators.createQueryBuilder('i').orderBy('i.code', 'ASC');
    if (query.cursor) {
      const [code] = decodeCursor(query.cursor, ['string']);
      qb.andWhere('i.code > :code', { code });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toIndicatorResponse, (i) => [i.code]);
  }

  async get(codeOrId: string): Promise<IndicatorResponse> {
    return toIndicatorResponse(await this.requireByCodeOrId(codeOrId));
  }

  async create(actor: Actor, dto: CreateIndicatorDto): Promise<IndicatorResponse> {
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const indicator = await manager.getRepository(Indicator).save({
          code: dto.code,
          name: dto.name,
          unit: dto.unit,
          description: dto.description ?? null,
          subjects: dto.subjects,
          builtIn: false,
        });
        await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'indicator', indicator.id, {
          code: indicator.code,
          unit: indicator.unit,
        });
        return indicator;
      });
      return toIndicatorResponse(saved);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CityException(CityErrorCode.INDICATOR_CODE_TAKEN);
      throw error;
    }
  }

  /** Name and description only: code, unit and subjects are what stored values were validated against. */
  async update(actor: Actor, codeOrId: string, dto: UpdateIndicatorDto): Promise<IndicatorResponse> {
    rejectNulls(dto, ['name']);
    const indicator = await this.requireByCodeOrId(codeOrId);
    Object.assign(indicator, dto);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Indicator).save(indicator);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'indicator', indicator.id, {
        fields: Object.keys(dto),
      });
    });
    return toIndicatorResponse(indicator);
  }

  async requireByCodeOrId(codeOrId: string): Promise<Indicator> {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(codeOrId);
    const indicator = await this.indicators.findOneBy(isId ? { id: codeOrId } : { code: codeOrId });
    if (!indicator) throw new CityException(CityErrorCode.INDICATOR_NOT_FOUND);
    return indicator;
  }

  /** Indicators by code; an unknown code is a 400 on `field`. */
  async requireCodes(codes: string[], field = 'indicator'): Promise<Indicator[]> {
    if (codes.length === 0) return [];
    const rows = await this.indicators.findBy({ code: In(codes) });
    const unknown = codes.filter((code) => !rows.some((r) => r.code === code));
    if (unknown.length) {
      throw new CommonException(
        CommonErrorCode.VALIDATION_FAILED,
        undefined,
        unknown.map((code) => ({ field, message: `unknown indicator ${code}` })),
      );
    }
    return rows;
  }

  async all(): Promise<Indicator[]> {
    return this.indicators.find({ order: { code: 'ASC' } });
  }

  /**
   * Resolves where a value goes and checks the actor may write there: a city (its focal points and coordinators;
   * the country, when given, must be the city's) or a country (coordinators and admins).
   */
  async writableSubject(actor: Actor, indicator: Indicator, subject: SubjectQueryDto): Promise<WritableSubject> {
    if (subject.cityId) {
      const city = await this.cities.requireEditor(actor, subject.cityId);
      if (subject.country && subject.country !== city.country) {
        throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
          { field: 'country', message: `the city is in ${city.country}` },
        ]);
      }
      requireSubject(indicator, IndicatorSubject.City);
      return { city, country: city.country };
    }
    if (!subject.country) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'cityId', message: 'give a cityId, or a country for a country-level value' },
      ]);
    }
    if (!isNetworkStaff(actor)) throw new CityException(CityErrorCode.COUNTRY_DATA_FORBIDDEN);
    requireSubject(indicator, IndicatorSubject.Country);
    return { city: null, country: subject.country };
  }

  async listChanges(viewer: Viewer, query: ListReportedChangesQueryDto): Promise<Page<ReportedChangeResponse>> {
    const p = new SqlParams();
    const where = [visibleChangeSql(viewer)];
    const codes = splitList(query.indicator);
    if (codes.length) {
      await this.requireCodes(codes);
      where.push(`i.code = ANY(${p.add(codes)}::text[])`);
    }
    if (query.cityId) where.push(`r.city_id = ${p.add(query.cityId)}`);
    if (query.country) where.push(`r.country = ${p.add(query.country)}`);
    if (query.cursor) {
      const [code, country, city, start, end, id] = decodeCursor(query.cursor, [
        'string',
        'string',
        'string',
        'smallint',
        'smallint',
        'uuid',
      ]);
      where.push(
        `(i.code, r.country, COALESCE(c.name_en, ''), r.start_year, r.end_year, r.id) >
         (${p.add(code)}, ${p.add(country)}, ${p.add(city)}, ${p.add(start)}, ${p.add(end)}, ${p.add(id)}::uuid)`,
      );
    }
    const rows = await this.changeRows(where.join(' AND '), p, query.limit + 1);
    return toPage(rows, query.limit, toReportedChangeResponse, (r) => [
      r.indicator_code,
      r.country,
      r.city_name ?? '',
      r.start_year,
      r.end_year,
      r.id,
    ]);
  }

  /** Reported changes of one indicator for the given subjects (comparisons show them beside the series). */
  async changesFor(
    viewer: Viewer,
    indicatorId: string,
    subjects: { cityIds: string[]; countries: string[] },
  ): Promise<ReportedChangeResponse[]> {
    const p = new SqlParams();
    const where = `${visibleChangeSql(viewer)} AND r.indicator_id = ${p.add(indicatorId)} AND (
      r.city_id = ANY(${p.add(subjects.cityIds)}::uuid[])
      OR (r.city_id IS NULL AND r.country = ANY(${p.add(subjects.countries)}::text[])))`;
    return (await this.changeRows(where, p, 1000)).map(toReportedChangeResponse);
  }

  async createChange(actor: Actor, dto: CreateReportedChangeDto): Promise<ReportedChangeResponse> {
    const [indicator] = await this.requireCodes([dto.indicator]);
    const subject = await this.writableSubject(actor, indicator!, dto);
    if (dto.startYear >= dto.endYear) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'endYear', message: 'endYear must be after startYear' },
      ]);
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const change = await manager.getRepository(ReportedChange).save({
        indicatorId: indicator!.id,
        cityId: subject.city?.id ?? null,
        country: subject.country,
        startYear: dto.startYear,
        endYear: dto.endYear,
        kind: dto.kind,
        valuePercent: dto.valuePercent,
        source: dto.source,
        quality: dto.quality,
        notes: dto.notes ?? null,
        visibility: dto.visibility ?? RecordVisibility.Public,
      });
      await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'reported_change', change.id, {
        indicator: indicator!.code,
        country: subject.country,
        cityId: subject.city?.id ?? null,
        period: `${dto.startYear}-${dto.endYear}`,
        kind: dto.kind,
        valuePercent: dto.valuePercent,
      });
      return change;
    });
    const p = new SqlParams();
    const [row] = await this.changeRows(`r.id = ${p.add(saved.id)}`, p, 1);
    return toReportedChangeResponse(row!);
  }

  async removeChange(actor: Actor, id: string): Promise<void> {
    const change = await this.changes.findOneBy({ id });
    if (!change) throw new CityException(CityErrorCode.REPORTED_CHANGE_NOT_FOUND);
    if (change.cityId) await this.cities.requireEditor(actor, change.cityId);
    else if (!isNetworkStaff(actor)) throw new CityException(CityErrorCode.COUNTRY_DATA_FORBIDDEN);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ReportedChange).delete({ id });
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'reported_change', id, {
        indicatorId: change.indicatorId,
        country: change.country,
      });
    });
  }

  private async changeRows(where: string, p: SqlParams, limit: number): Promise<ChangeRow[]> {
    return (await this.dataSource.query(
      `SELECT r.id, i.code AS indicator_code, r.city_id, c.name_en AS city_name, r.country, r.start_year,
              r.end_year, r.kind, r.value_percent, r.source, r.quality, r.notes, r.visibility
         FROM reported_changes r JOIN indicators i ON i.id = r.indicator_id LEFT JOIN cities c ON c.id = r.city_id
        WHERE ${where}
        ORDER BY i.code, r.country, COALESCE(c.name_en, ''), r.start_year, r.end_year, r.id
        LIMIT ${Number(limit)}`,
      p.values,
    )) as ChangeRow[];
  }
}

interface ChangeRow {
  id: string;
  indicator_code: string;
  city_id: string | null;
  city_name: string | null;
  country: string;
  start_year: number;
  end_year: number;
  kind: ReportedChangeResponse['kind'];
  value_percent: string;
  source: string;
  quality: ReportedChangeResponse['quality'];
  notes: string | null;
  visibility: RecordVisibility;
}

function visibleChangeSql(viewer: Viewer): string {
  return viewer ? 'TRUE' : `r.visibility = 'public' AND (c.id IS NULL OR c.visibility = 'public')`;
}

function requireSubject(indicator: Indicator, subject: IndicatorSubject): void {
  if (!indicator.subjects.includes(subject)) {
    throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
      {
        field: subject === IndicatorSubject.City ? 'cityId' : 'country',
        message: `${indicator.code} has no ${subject} values`,
      },
    ]);
  }
}

export function subjectRef(cityId: string | null, cityName: string | null, country: string): SubjectRef {
  return cityId
    ? { type: IndicatorSubject.City, country, cityId, name: cityName ?? cityId }
    : { type: IndicatorSubject.Country, country, cityId: null, name: country };
}

function toReportedChangeResponse(row: ChangeRow): ReportedChangeResponse {
  return {
    id: row.id,
    indicator: row.indicator_code,
    subject: subjectRef(row.city_id, row.city_name, row.country),
    startYear: row.start_year,
    endYear: row.end_year,
    kind: row.kind,
    valuePercent: Number(row.value_percent),
    source: row.source,
    quality: row.quality,
    notes: row.notes,
    visibility: row.visibility,
  };
}

export function toIndicatorResponse(indicator: Indicator): IndicatorResponse {
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    description: indicator.description,
    subjects: indicator.subjects,
    builtIn: indicator.builtIn,
  };
}

/** The unit rule of every value: exactly the indicator's unit; `%` values lie in 0–100. */
export function valueProblem(
  indicator: Indicator,
  unit: string,
  value: number,
): { field: string; message: string } | null {
  if (unit.trim() !== indicator.unit) {
    return {
      field: 'unit',
      message: `unit "${unit}" does not match the unit of ${indicator.code}, "${indicator.unit}"`,
    };
  }
  if (indicator.unit === '%' && (value < 0 || value > 100)) {
    return { field: 'value', message: 'a percentage must lie between 0 and 100' };
  }
  return null;
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  type CityStatistic,
  CommonErrorCode,
  COUNTRY_CODES,
  type IndicatorValueResponse,
  IndicatorSubject,
  type Page,
  RecordVisibility,
} from '@lcc/contracts';
import { neutraliseFormula } from '../../common/csv/spreadsheet-cells.js';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { SqlParams } from '../../common/sql/sql-params.js';
import { CitiesService } from '../cities/cities.service.js';
import { splitList, visibleSql } from '../cities/city-access.js';
import type {
  CreateIndicatorValueDto,
  ListIndicatorValuesQueryDto,
  UpdateIndicatorValueDto,
  ValueSelectionQueryDto,
} from './dto/indicator.dto.js';
import { IndicatorValue } from './entities/indicator-value.entity.js';
import { IndicatorErrorCode, IndicatorException } from './indicators.exception.js';
import { IndicatorsService, subjectRef, valueProblem } from './indicators.service.js';

/** The columns of the CSV format, in order (import reads them by name; export writes them in this order). */
export const CSV_COLUMNS = [
  'indicator',
  'country',
  'city_id',
  'city',
  'year',
  'value',
  'unit',
  'source',
  'quality',
  'visibility',
] as const;

/** Exports stop here; narrow the selection for more. */
const EXPORT_MAX_ROWS = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ValueRow {
  id: string;
  indicator_code: string;
  unit: string;
  city_id: string | null;
  city_name: string | null;
  country: string;
  year: number;
  /** As text: exports write the stored decimal exactly. */
  value: string;
  source: string;
  quality: IndicatorValueResponse['quality'];
  visibility: RecordVisibility;
}

/** Time series of indicator values: list, single writes, and export of any selection. */
@Injectable()
export class IndicatorValuesService implements OnModuleInit {
  constructor(
    @InjectRepository(IndicatorValue) private readonly values: Repository<IndicatorValue>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly cities: CitiesService,
  ) {}

  /**
   * City values carry their city's country (so country filters need no join): a city that moves takes them along.
   * City responses show population and GDP from the values here.
   */
  onModuleInit(): void {
    this.cities.register({
      countryChanged: async (manager, cityId, country) => {
        await manager.query('UPDATE indicator_values SET country = $1 WHERE city_id = $2', [country, cityId]);
      },
      statistics: (viewer, cityIds) => this.cityStatistics(viewer, cityIds),
    });
  }

  async list(viewer: Viewer, query: ListIndicatorValuesQueryDto): Promise<Page<IndicatorValueResponse>> {
    const p = new SqlParams();
    const where = [await this.selectionSql(viewer, query, p)];
    if (query.cursor) {
      const [code, country, city, year, id] = decodeCursor(query.cursor, [
        'string',
        'string',
        'string',
        'smallint',
        'uuid',
      ]);
      where.push(
        `(i.code, v.country, COALESCE(c.name_en, ''), v.year, v.id) >
         (${p.add(code)}, ${p.add(country)}, ${p.add(city)}, ${p.add(year)}, ${p.add(id)}::uuid)`,
      );
    }
    const rows = await this.rows(where.join(' AND '), p, query.limit + 1);
    return toPage(rows, query.limit, toValueResponse, (r) => [
      r.indicator_code,
      r.country,
      r.city_name ?? '',
      r.year,
      r.id,
    ]);
  }

  /** Every value of the selection, as CSV (the import format) or JSON. */
  async export(viewer: Viewer, query: ValueSelectionQueryDto, format: 'csv' | 'json'): Promise<string> {
    const p = new SqlParams();
    const rows = await this.rows(await this.selectionSql(viewer, query, p), p, EXPORT_MAX_ROWS);
    if (format === 'json') return JSON.stringify({ items: rows.map(toValueResponse) });
    // Text cells are neutralised against spreadsheet formulas (the export is public); year and value stay numbers.
    const text = neutraliseFormula;
    return stringify(
      rows.map((r) => [
        text(r.indicator_code),
        text(r.country),
        text(r.city_id ?? ''),
        text(r.city_name ?? ''),
        r.year,
        r.value,
        text(r.unit),
        text(r.source),
        text(r.quality),
        text(r.visibility),
      ]),
      { header: true, columns: [...CSV_COLUMNS] },
    );
  }

  async create(actor: Actor, dto: CreateIndicatorValueDto): Promise<IndicatorValueResponse> {
    const [indicator] = await this.indicators.requireCodes([dto.indicator]);
    const subject = await this.indicators.writableSubject(actor, indicator!, dto);
    const problem = valueProblem(indicator!, dto.unit, dto.value);
    if (problem) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [problem]);
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const value = await manager.getRepository(IndicatorValue).save({
          indicatorId: indicator!.id,
          cityId: subject.city?.id ?? null,
          country: subject.country,
          year: dto.year,
          value: dto.value,
          source: dto.source,
          quality: dto.quality,
          visibility: dto.visibility ?? RecordVisibility.Network,
        });
        await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'indicator_value', value.id, {
          indicator: indicator!.code,
          country: subject.country,
          cityId: subject.city?.id ?? null,
          year: dto.year,
          value: dto.value,
        });
        return value;
      });
      return this.getResponse(saved.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new IndicatorException(IndicatorErrorCode.INDICATOR_VALUE_EXISTS);
      throw error;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateIndicatorValueDto): Promise<IndicatorValueResponse> {
    rejectNulls(dto, ['value', 'source', 'quality', 'visibility']);
    const value = await this.requireWritable(actor, id);
    if (dto.value !== undefined) {
      const indicator = await this.indicators.requireByCodeOrId(value.indicatorId);
      const problem = valueProblem(indicator, indicator.unit, dto.value);
      if (problem) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [problem]);
    }
    const before = value.value;
    Object.assign(value, dto);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(IndicatorValue).save(value);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'indicator_value', id, {
        fields: Object.keys(dto),
        before,
        after: value.value,
      });
    });
    return this.getResponse(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const value = await this.requireWritable(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(IndicatorValue).delete({ id });
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'indicator_value', id, {
        indicatorId: value.indicatorId,
        country: value.country,
        cityId: value.cityId,
        year: value.year,
        value: value.value,
      });
    });
  }

  /** One subject's series of one indicator that the viewer may read: year → value. */
  async series(
    viewer: Viewer,
    indicatorId: string,
    subject: { cityId: string | null; country: string },
  ): Promise<Map<number, number>> {
    const p = new SqlParams();
    const subjectSql = subject.cityId
      ? `v.city_id = ${p.add(subject.cityId)}`
      : `v.city_id IS NULL AND v.country = ${p.add(subject.country)}`;
    const rows = await this.rows(
      `v.indicator_id = ${p.add(indicatorId)} AND ${subjectSql} AND ${visibleValueSql(viewer)}`,
      p,
      1000,
    );
    return new Map(rows.map((r) => [r.year, Number(r.value)]));
  }

  /** Population and GDP by year, from the `population` and `gdp` series the viewer may read. */
  async cityStatistics(viewer: Viewer, cityIds: string[]): Promise<Map<string, CityStatistic[]>> {
    const rows = (await this.dataSource.query(
      `SELECT v.city_id, v.year, i.code, v.value FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
        WHERE v.city_id = ANY($1::uuid[]) AND i.code IN ('population', 'gdp') AND ${visibleSql(viewer, 'v')}
        ORDER BY v.year`,
      [cityIds],
    )) as { city_id: string; year: number; code: 'population' | 'gdp'; value: string }[];
    const result = new Map<string, Map<number, CityStatistic>>();
    for (const row of rows) {
      const byYear = result.get(row.city_id) ?? new Map<number, CityStatistic>();
      result.set(row.city_id, byYear);
      const stat = byYear.get(row.year) ?? { year: row.year, population: null, gdp: null };
      byYear.set(row.year, stat);
      stat[row.code] = Number(row.value);
    }
    return new Map([...result].map(([cityId, byYear]) => [cityId, [...byYear.values()]]));
  }

  /** The WHERE clause of a selection (validated: known indicators, UUIDs, country codes). */
  private async selectionSql(viewer: Viewer, query: ValueSelectionQueryDto, p: SqlParams): Promise<string> {
    const where = [visibleValueSql(viewer)];
    const codes = splitList(query.indicator);
    if (codes.length) {
      await this.indicators.requireCodes(codes);
      where.push(`i.code = ANY(${p.add(codes)}::text[])`);
    }
    const cityIds = [...splitList(query.cityIds), ...(query.cityId ? [query.cityId] : [])];
    const countries = [...splitList(query.countries), ...(query.country ? [query.country] : [])];
    const bad = [
      ...cityIds.filter((id) => !UUID.test(id)).map((id) => ({ field: 'cityIds', message: `${id} is not a UUID` })),
      ...countries
        .filter((code) => !COUNTRY_CODES.includes(code))
        .map((code) => ({ field: 'countries', message: `${code} is not an ISO 3166-1 alpha-2 code` })),
    ];
    if (bad.length) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, bad);
    const subjects: string[] = [];
    if (cityIds.length) subjects.push(`v.city_id = ANY(${p.add(cityIds)}::uuid[])`);
    if (countries.length) subjects.push(`v.country = ANY(${p.add(countries)}::text[])`);
    if (subjects.length) where.push(`(${subjects.join(' OR ')})`);
    if (query.subjectType === IndicatorSubject.City) where.push('v.city_id IS NOT NULL');
    if (query.subjectType === IndicatorSubject.Country) where.push('v.city_id IS NULL');
    if (query.fromYear !== undefined) where.push(`v.year >= ${p.add(query.fromYear)}`);
    if (query.toYear !== undefined) where.push(`v.year <= ${p.add(query.toYear)}`);
    return where.join(' AND ');
  }

  private async rows(where: string, p: SqlParams, limit: number): Promise<ValueRow[]> {
    return (await this.dataSource.query(
      `SELECT v.id, i.code AS indicator_code, i.unit, v.city_id, c.name_en AS city_name, v.country, v.year,
              v.value::text AS value, v.source, v.quality, v.visibility
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id LEFT JOIN cities c ON c.id = v.city_id
        WHERE ${where}
        ORDER BY i.code, v.country, COALESCE(c.name_en, ''), v.year, v.id
        LIMIT ${Number(limit)}`,
      p.values,
    )) as ValueRow[];
  }

  private async getResponse(id: string): Promise<IndicatorValueResponse> {
    const p = new SqlParams();
    const [row] = await this.rows(`v.id = ${p.add(id)}`, p, 1);
    return toValueResponse(row!);
  }

  private async requireWritable(actor: Actor, id: string): Promise<IndicatorValue> {
    const value = await this.values.findOneBy({ id });
    if (!value) throw new IndicatorException(IndicatorErrorCode.INDICATOR_VALUE_NOT_FOUND);
    if (value.cityId) await this.cities.requireEditor(actor, value.cityId);
    else if (!isNetworkStaff(actor)) throw new IndicatorException(IndicatorErrorCode.COUNTRY_DATA_FORBIDDEN);
    return value;
  }
}

/** Anonymous visitors read public values of public cities (and public country values). */
export function visibleValueSql(viewer: Viewer): string {
  return viewer ? 'TRUE' : `v.visibility = 'public' AND (c.id IS NULL OR c.visibility = 'public')`;
}

function toValueResponse(row: ValueRow): IndicatorValueResponse {
  return {
    id: row.id,
    indicator: row.indicator_code,
    unit: row.unit,
    subject: subjectRef(row.city_id, row.city_name, row.country),
    year: row.year,
    value: Number(row.value),
    source: row.source,
    quality: row.quality,
    visibility: row.visibility,
  };
}

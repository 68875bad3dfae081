import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  COUNTRY_CODES,
  DataQuality,
  type ErrorDetail,
  type ImportResultResponse,
  IndicatorSubject,
  RecordVisibility,
} from '@lcc/contracts';
import { restoreFormula } from '../../common/csv/spreadsheet-cells.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { YEAR_MAX, YEAR_MIN } from '../../common/validation/fields.js';
import { CitiesService } from '../cities/cities.service.js';
import type { City } from '../cities/cities.service.js';
import { IndicatorValue } from './entities/indicator-value.entity.js';
import type { Indicator } from './entities/indicator.entity.js';
import { IndicatorErrorCode, IndicatorException } from './indicators.exception.js';
import { IndicatorsService, valueProblem } from './indicators.service.js';
import { CSV_COLUMNS } from './indicator-values.service.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const IMPORT_MAX_ROWS = 50_000;
/** Enough to fix a file; the rest would only repeat. */
const MAX_REPORTED_ERRORS = 200;
const REQUIRED = ['indicator', 'country', 'year', 'value', 'unit', 'source', 'quality'] as const;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GoodRow {
  line: number;
  indicator: Indicator;
  cityId: string | null;
  country: string;
  year: number;
  value: string;
  source: string;
  quality: DataQuality;
  visibility: RecordVisibility;
}

/**
 * CSV import of indicator values, all or nothing: every row is checked (indicator, unit, subject, year, value,
 * rights, duplicates in the file and, unless `replace`, in the database) before anything is written; one bad row
 * and the answer is 400 `IMPORT_FAILED` with a detail per problem (`field: "row 3: unit"`), nothing stored.
 */
@Injectable()
export class IndicatorImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly cities: CitiesService,
  ) {}

  /** Reads a `text/csv` body (415 otherwise, 413 over 5 MB). */
  async readBody(request: FastifyRequest): Promise<string> {
    const type = request.headers['content-type'] ?? '';
    if (!/^text\/csv\b/i.test(type)) throw new IndicatorException(IndicatorErrorCode.CSV_REQUIRED);
    if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) {
      throw new IndicatorException(IndicatorErrorCode.CSV_TOO_LARGE);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // The platform leaves a CSV body unread (see body-parsers.ts): it is read here, up to the limit.
    for await (const chunk of request.raw as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) throw new IndicatorException(IndicatorErrorCode.CSV_TOO_LARGE);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async import(
    actor: Actor,
    text: string,
    options: { dryRun?: boolean; replace?: boolean },
  ): Promise<ImportResultResponse> {
    const errors: ErrorDetail[] = [];
    const fail = (line: number | null, field: string, message: string) =>
      errors.push({ field: line === null ? field : `row ${line}: ${field}`, message });

    let records: Record<string, string>[];
    try {
      records = parse(text, {
        columns: headerOf(fail),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        // Every column but year and value is text: take off the quote an export puts before formula-like text.
        cast: (cell, context) =>
          context.header || context.column === 'year' || context.column === 'value' ? cell : restoreFormula(cell),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // csv-parse names the line of a malformed record (an unclosed quote, a wrong number of columns).
      const line = (error as { lines?: unknown }).lines;
      if (!errors.length)
        fail(typeof line === 'number' ? line : null, typeof line === 'number' ? 'record' : 'file', message);
      throw failed(errors);
    }
    if (errors.length) throw failed(errors);
    if (records.length === 0) fail(null, 'file', 'the file has no rows');
    if (records.length > IMPORT_MAX_ROWS) fail(null, 'file', `at most ${IMPORT_MAX_ROWS} rows per file`);
    if (errors.length) throw failed(errors);

    const indicators = new Map((await this.indicators.all()).map((i) => [i.code, i]));
    const cityCache = new Map<string, City | null>();
    const editable = new Map<string, boolean>();
    const good: GoodRow[] = [];
    const seen = new Map<string, number>();

    for (const [index, record] of records.entries()) {
      // Spreadsheet numbering: the header is row 1.
      const line = index + 2;
      const before = errors.length;
      const indicator = indicators.get(record.indicator ?? '');
      if (!indicator) fail(line, 'indicator', `unknown indicator "${record.indicator ?? ''}"`);
      const country = record.country ?? '';
      if (!COUNTRY_CODES.includes(country)) fail(line, 'country', `"${country}" is not an ISO 3166-1 alpha-2 code`);

      let city: City | null = null;
      const cityId = record.city_id ?? '';
      const cityName = record.city ?? '';
      if (cityId) {
        if (!UUID.test(cityId)) fail(line, 'city_id', `"${cityId}" is not a UUID`);
        else {
          city = await this.cachedCity(cityCache, `id:${cityId}`, () => this.findCity(actor, cityId));
          if (!city) fail(line, 'city_id', `unknown city ${cityId}`);
          else if (city.country !== country) fail(line, 'country', `${city.nameEn} is in ${city.country}`);
        }
      } else if (cityName && COUNTRY_CODES.includes(country)) {
        city = await this.cachedCity(cityCache, `name:${country}:${cityName.toLowerCase()}`, () =>
          this.cities.findByName(country, cityName),
        );
        if (!city) fail(line, 'city', `unknown city "${cityName}" in ${country}`);
      }
      const subjectType = cityId || cityName ? IndicatorSubject.City : IndicatorSubject.Country;
      if (indicator && !indicator.subjects.includes(subjectType)) {
        fail(
          line,
          subjectType === IndicatorSubject.City ? 'city' : 'country',
          `${indicator.code} has no ${subjectType} values`,
        );
      }

      const year = Number(record.year);
      if (!/^\d{4}$/.test(record.year ?? '') || year < YEAR_MIN || year > YEAR_MAX) {
        fail(line, 'year', `year must be a whole year from ${YEAR_MIN} to ${YEAR_MAX}`);
      }
      const rawValue = record.value ?? '';
      const value = Number(rawValue);
      if (!NUMBER.test(rawValue) || !Number.isFinite(value)) fail(line, 'value', `"${rawValue}" is not a number`);
      else if (indicator) {
        const problem = valueProblem(indicator, record.unit ?? '', value);
        if (problem) fail(line, problem.field, problem.message);
      }
      const source = record.source ?? '';
      if (!source || source.length > 500) fail(line, 'source', 'source is required (at most 500 characters)');
      const quality = record.quality as DataQuality;
      if (!Object.values(DataQuality).includes(quality))
        fail(line, 'quality', 'quality must be self_reported or verified');
      const visibility = (record.visibility || RecordVisibility.Network) as RecordVisibility;
      if (!Object.values(RecordVisibility).includes(visibility)) {
        fail(line, 'visibility', 'visibility must be public or network');
      }

      if (city) {
        const may = editable.get(city.id) ?? (await this.cities.canEdit(actor, city.id));
        editable.set(city.id, may);
        if (!may) fail(line, 'city', `you may not change the records of ${city.nameEn}`);
      } else if (subjectType === IndicatorSubject.Country && !isNetworkStaff(actor)) {
        fail(line, 'country', 'only coordinators can change country-level data');
      }

      if (errors.length > before || !indicator) continue;
      const key = `${indicator.id}|${city?.id ?? country}|${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(line, 'year', `duplicate: row ${first} has the same indicator, ${city ? 'city' : 'country'} and year`);
        continue;
      }
      seen.set(key, line);
      good.push({
        line,
        indicator,
        cityId: city?.id ?? null,
        country,
        year,
        value: rawValue,
        source,
        quality,
        visibility,
      });
      if (errors.length >= MAX_REPORTED_ERRORS) break;
    }
    if (errors.length) throw failed(errors);

    const existing = await this.existingIds(good);
    if (!options.replace) {
      for (const row of good) {
        if (existing.has(row)) {
          fail(row.line, 'year', `a value for ${row.year} is already stored (import with replace=true to overwrite)`);
        }
      }
      if (errors.length) throw failed(errors);
    }
    const result = {
      rows: records.length,
      created: good.length - existing.size,
      updated: existing.size,
      dryRun: options.dryRun ?? false,
    };
    if (options.dryRun) return result;

    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(IndicatorValue);
      const fresh = good.filter((row) => !existing.has(row));
      for (let i = 0; i < fresh.length; i += 1000) {
        await repository
          .createQueryBuilder()
          .insert()
          .values(
            fresh.slice(i, i + 1000).map((row) => ({
              indicatorId: row.indicator.id,
              cityId: row.cityId,
              country: row.country,
              year: row.year,
              // The text as written (checked against NUMBER): PostgreSQL keeps every decimal.
              value: row.value as unknown as number,
              source: row.source,
              quality: row.quality,
              visibility: row.visibility,
            })),
          )
          .execute();
      }
      for (const [row, id] of existing) {
        await manager.query(
          `UPDATE indicator_values SET value = $1::numeric, source = $2, quality = $3, visibility = $4,
                  updated_at = now() WHERE id = $5`,
          [row.value, row.source, row.quality, row.visibility, id],
        );
      }
      await this.cities.record(
        manager,
        actor,
        AuditAction.IndicatorValuesImported,
        'indicator_value_import',
        randomUUID(),
        {
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          indicators: [...new Set(good.map((row) => row.indicator.code))],
        },
      );
    });
    return result;
  }

  /** Cities the actor may see (every city for members; the import needs a token). */
  private async findCity(actor: Actor, id: string): Promise<City | null> {
    try {
      return await this.cities.requireVisible(actor, id);
    } catch {
      return null;
    }
  }

  private async cachedCity(
    cache: Map<string, City | null>,
    key: string,
    load: () => Promise<City | null>,
  ): Promise<City | null> {
    if (!cache.has(key)) cache.set(key, await load());
    return cache.get(key) ?? null;
  }

  /** Rows whose indicator, subject and year are already stored, with the stored id. */
  private async existingIds(rows: GoodRow[]): Promise<Map<GoodRow, string>> {
    const found = new Map<GoodRow, string>();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const stored = (await this.dataSource.query(
        `SELECT v.id, k.n FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) WITH ORDINALITY
                AS k(indicator_id, city_id, country, year, n)
           JOIN indicator_values v ON v.indicator_id = k.indicator_id AND v.year = k.year
            AND ((k.city_id IS NOT NULL AND v.city_id = k.city_id)
              OR (k.city_id IS NULL AND v.city_id IS NULL AND v.country = k.country))`,
        [
          chunk.map((r) => r.indicator.id),
          chunk.map((r) => r.cityId),
          chunk.map((r) => r.country),
          chunk.map((r) => r.year),
        ],
      )) as { id: string; n: string }[];
      for (const row of stored) found.set(chunk[Number(row.n) - 1]!, row.id);
    }
    return found;
  }
}

/** Checks the header row: the required columns present, no unknown or repeated ones. */
function headerOf(fail: (line: number | null, field: string, message: string) => void) {
  return (header: string[]): string[] => {
    const names = header.map((h) => h.trim().toLowerCase());
    const known = new Set<string>(CSV_COLUMNS);
    for (const name of names)
      if (!known.has(name)) fail(1, name || '(empty)', `unknown column; expected ${CSV_COLUMNS.join(', ')}`);
    for (const name of REQUIRED) if (!names.includes(name)) fail(1, name, 'required column is missing');
    if (new Set(names).size !== names.length) fail(1, 'header', 'a column appears twice');
    if (names.some((n) => !known.has(n)) || new Set(names).size !== names.length) {
      throw new Error('bad header');
    }
    return names;
  };
}

function failed(errors: ErrorDetail[]): InstanceType<typeof IndicatorException> {
  return new IndicatorException(
    IndicatorErrorCode.IMPORT_FAILED,
    `The file has ${errors.length >= MAX_REPORTED_ERRORS ? 'many' : errors.length} error(s); nothing was imported`,
    errors.slice(0, MAX_REPORTED_ERRORS),
  );
}

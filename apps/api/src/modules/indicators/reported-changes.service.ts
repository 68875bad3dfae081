import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditAction, CommonErrorCode, type Page, type ReportedChangeResponse, RecordVisibility } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { SqlParams } from '../../common/sql/sql-params.js';
import { CitiesService } from '../cities/cities.service.js';
import { splitList } from '../cities/city-access.js';
import type { CreateReportedChangeDto, ListReportedChangesQueryDto } from './dto/indicator.dto.js';
import { ReportedChange } from './entities/reported-change.entity.js';
import { IndicatorErrorCode, IndicatorException } from './indicators.exception.js';
import { IndicatorsService, subjectRef } from './indicators.service.js';

/** Period changes as the sources report them (e.g. "−18 % GHG 2005–2020"), shown beside computed ones. */
@Injectable()
export class ReportedChangesService implements OnModuleInit {
  constructor(
    @InjectRepository(ReportedChange) private readonly changes: Repository<ReportedChange>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly cities: CitiesService,
  ) {}

  /** A city's changes carry its country (so country filters need no join): a city that moves takes them along. */
  onModuleInit(): void {
    this.cities.register({
      countryChanged: async (manager, cityId, country) => {
        await manager.query('UPDATE reported_changes SET country = $1 WHERE city_id = $2', [country, cityId]);
      },
    });
  }

  async list(viewer: Viewer, query: ListReportedChangesQueryDto): Promise<Page<ReportedChangeResponse>> {
    const p = new SqlParams();
    const where = [visibleChangeSql(viewer)];
    const codes = splitList(query.indicator);
    if (codes.length) {
      await this.indicators.requireCodes(codes);
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

  async create(actor: Actor, dto: CreateReportedChangeDto): Promise<ReportedChangeResponse> {
    const [indicator] = await this.indicators.requireCodes([dto.indicator]);
    const subject = await this.indicators.writableSubject(actor, indicator!, dto);
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

  async remove(actor: Actor, id: string): Promise<void> {
    const change = await this.changes.findOneBy({ id });
    if (!change) throw new IndicatorException(IndicatorErrorCode.REPORTED_CHANGE_NOT_FOUND);
    if (change.cityId) await this.cities.requireEditor(actor, change.cityId);
    else if (!isNetworkStaff(actor)) throw new IndicatorException(IndicatorErrorCode.COUNTRY_DATA_FORBIDDEN);
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

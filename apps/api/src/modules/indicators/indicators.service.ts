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
  type SubjectRef,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { rejectNulls } from '../../common/validation/fields.js';
import { CitiesService } from '../cities/cities.service.js';
import type { City } from '../cities/cities.service.js';
import type { CreateIndicatorDto, SubjectQueryDto, UpdateIndicatorDto } from './dto/indicator.dto.js';
import { Indicator } from './entities/indicator.entity.js';
import { IndicatorErrorCode, IndicatorException } from './indicators.exception.js';

/** The indicator definition as analysis receives it. */
export type { Indicator };

/** A value's subject resolved for writing: a city the actor may edit, or a country (coordinators only). */
export interface WritableSubject {
  city: City | null;
  country: string;
}

/** Indicator definitions, and who may write a value or reported change for which subject. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
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
      if (isUniqueViolation(error)) throw new IndicatorException(IndicatorErrorCode.INDICATOR_CODE_TAKEN);
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
    if (!indicator) throw new IndicatorException(IndicatorErrorCode.INDICATOR_NOT_FOUND);
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
    if (!isNetworkStaff(actor)) throw new IndicatorException(IndicatorErrorCode.COUNTRY_DATA_FORBIDDEN);
    requireSubject(indicator, IndicatorSubject.Country);
    return { city: null, country: subject.country };
  }
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

import { Injectable } from '@nestjs/common';
import {
  type ChangeResponse,
  CommonErrorCode,
  ComparisonBasis,
  type ComparisonItem,
  type ComparisonResponse,
  COUNTRY_CODES,
  type ErrorDetail,
  type SectorSharesResponse,
  type StrategyProgressResponse,
  type TargetProgressResponse,
  TargetProgressStatus,
  TargetType,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Viewer } from '../../common/http/actor.js';
import { CitiesService } from '../cities/cities.service.js';
import { splitList } from '../cities/city-access.js';
import type { Indicator } from '../indicators/indicators.service.js';
import { IndicatorValuesService } from '../indicators/indicator-values.service.js';
import { IndicatorsService, subjectRef } from '../indicators/indicators.service.js';
import { ReportedChangesService } from '../indicators/reported-changes.service.js';
import type { InventoryEntry } from '../inventories/inventories.service.js';
import { InventoriesService } from '../inventories/inventories.service.js';
import type { StrategyTarget } from '../strategies/strategies.service.js';
import { StrategiesService } from '../strategies/strategies.service.js';
import { AnalysisErrorCode, AnalysisException } from './analysis.exception.js';
import type { ChangeQueryDto, CompareQueryDto } from './dto/analysis.dto.js';
import { linearPath, periodChange, progressStatus, targetLevel } from './formulas.js';

const MAX_SUBJECTS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Subject {
  cityId: string | null;
  country: string;
  name: string;
}

/** Comparisons, period changes, target progress and sector shares, computed from what the viewer may read. */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
    private readonly reportedChanges: ReportedChangesService,
    private readonly cities: CitiesService,
    private readonly strategies: StrategiesService,
    private readonly inventories: InventoriesService,
  ) {}

  async compare(viewer: Viewer, query: CompareQueryDto): Promise<ComparisonResponse> {
    const [indicator] = await this.indicators.requireCodes([query.indicator]);
    const basis = query.basis ?? ComparisonBasis.Raw;
    const subjects = await this.subjects(viewer, splitList(query.cityIds), splitList(query.countries));
    const reported =
      basis === ComparisonBasis.Raw
        ? await this.reportedChanges.changesFor(viewer, indicator!.id, {
            cityIds: subjects.filter((s) => s.cityId).map((s) => s.cityId!),
            countries: subjects.filter((s) => !s.cityId).map((s) => s.country),
          })
        : [];
    const items: ComparisonItem[] = [];
    for (const subject of subjects) {
      const series = await this.series(viewer, indicator!, basis, subject);
      const years = [...series.keys()].sort((a, b) => a - b);
      const year = query.year ?? years.at(-1) ?? null;
      const from = query.fromYear === undefined ? undefined : series.get(query.fromYear);
      const to = query.toYear === undefined ? undefined : series.get(query.toYear);
      items.push({
        subject: subjectRef(subject.cityId, subject.name, subject.country),
        year,
        value: year === null ? null : (series.get(year) ?? null),
        computedChange:
          from !== undefined && to !== undefined ? periodChange(query.fromYear!, from, query.toYear!, to) : null,
        reportedChanges: reported.filter((r) =>
          subject.cityId
            ? r.subject.cityId === subject.cityId
            : !r.subject.cityId && r.subject.country === subject.country,
        ),
      });
    }
    return { indicator: indicator!.code, basis, unit: unitOf(indicator!, basis), items };
  }

  async change(viewer: Viewer, query: ChangeQueryDto): Promise<ChangeResponse> {
    const [indicator] = await this.indicators.requireCodes([query.indicator]);
    const basis = query.basis ?? ComparisonBasis.Raw;
    if (query.fromYear >= query.toYear) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'toYear', message: 'toYear must be after fromYear' },
      ]);
    }
    if (!query.cityId && !query.country) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'cityId', message: 'give a cityId or a country' },
      ]);
    }
    const [subject] = await this.subjects(
      viewer,
      query.cityId ? [query.cityId] : [],
      query.cityId ? [] : [query.country!],
    );
    const series = await this.series(viewer, indicator!, basis, subject!);
    const v0 = series.get(query.fromYear);
    const v1 = series.get(query.toYear);
    if (v0 === undefined || v1 === undefined) {
      throw new AnalysisException(AnalysisErrorCode.NO_VALUE_FOR_YEAR, undefined, [
        ...(v0 === undefined ? [{ field: 'fromYear', message: `no value for ${query.fromYear}` }] : []),
        ...(v1 === undefined ? [{ field: 'toYear', message: `no value for ${query.toYear}` }] : []),
      ]);
    }
    const change = periodChange(query.fromYear, v0, query.toYear, v1);
    if (!change) throw new AnalysisException(AnalysisErrorCode.CHANGE_NOT_COMPUTABLE);
    return {
      indicator: indicator!.code,
      basis,
      unit: unitOf(indicator!, basis),
      subject: subjectRef(subject!.cityId, subject!.name, subject!.country),
      ...change,
    };
  }

  /**
   * Each target against the straight line from its base to its target level, at the year of the latest inventory
   * after the base year: on track when the inventory is at or below the line (see docs/information-platform.md).
   */
  async progress(viewer: Viewer, strategyId: string): Promise<StrategyProgressResponse> {
    const strategy = await this.strategies.requireVisible(viewer, strategyId);
    const [targets, inventories] = await Promise.all([
      this.strategies.targetsOf(strategyId),
      this.inventories.visibleWithEntries(viewer, strategy.cityId),
    ]);
    let gdp: Map<number, number> | null = null;
    if (targets.some((t) => t.type === TargetType.Intensity)) {
      const [gdpIndicator] = await this.indicators.requireCodes(['gdp']);
      gdp = await this.values.series(viewer, gdpIndicator!.id, { cityId: strategy.cityId, country: '' });
    }
    return {
      strategyId,
      targets: targets.map((target) => assess(target, inventories, gdp)),
    };
  }

  async sectorShares(viewer: Viewer, inventoryId: string): Promise<SectorSharesResponse> {
    const inventory = await this.inventories.requireVisible(viewer, inventoryId);
    const entries = await this.inventories.entriesOf(inventoryId);
    const city = (await this.cities.summaries([inventory.cityId])).get(inventory.cityId)!;
    const bySector = new Map<InventoryEntry['sector'], number>();
    for (const entry of entries) {
      if (entry.value !== null) bySector.set(entry.sector, (bySector.get(entry.sector) ?? 0) + entry.value);
    }
    const total = [...bySector.values()].reduce((sum, v) => sum + v, 0);
    return {
      inventoryId,
      city,
      year: inventory.year,
      total,
      sectors: [...bySector]
        .map(([sector, value]) => ({
          sector,
          value,
          sharePercent: total > 0 ? Math.round((value / total) * 100 * 1e4) / 1e4 : 0,
        }))
        .sort((a, b) => b.value - a.value),
      notationKeys: entries
        .filter((e) => e.notationKey !== null)
        .map((e) => ({ sector: e.sector, scope: e.scope, notationKey: e.notationKey! })),
    };
  }

  /** The subjects of a comparison: cities the viewer may read and countries; 400 for unknown ones. */
  private async subjects(viewer: Viewer, cityIds: string[], countries: string[]): Promise<Subject[]> {
    const problems: ErrorDetail[] = [];
    const subjects: Subject[] = [];
    if (cityIds.length + countries.length === 0) {
      problems.push({ field: 'cityIds', message: 'name at least one city or country' });
    }
    if (cityIds.length + countries.length > MAX_SUBJECTS) {
      problems.push({ field: 'cityIds', message: `at most ${MAX_SUBJECTS} cities and countries` });
    }
    for (const id of cityIds) {
      if (!UUID.test(id)) {
        problems.push({ field: 'cityIds', message: `${id} is not a UUID` });
        continue;
      }
      try {
        const city = await this.cities.requireVisible(viewer, id);
        subjects.push({ cityId: city.id, country: city.country, name: city.nameEn });
      } catch {
        problems.push({ field: 'cityIds', message: `unknown city ${id}` });
      }
    }
    for (const country of countries) {
      if (!COUNTRY_CODES.includes(country))
        problems.push({ field: 'countries', message: `unknown country ${country}` });
      else subjects.push({ cityId: null, country, name: country });
    }
    if (problems.length) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, problems);
    return subjects;
  }

  /** The series on the chosen basis: per capita and per GDP divide by the same year's population or GDP. */
  private async series(
    viewer: Viewer,
    indicator: Indicator,
    basis: ComparisonBasis,
    subject: Subject,
  ): Promise<Map<number, number>> {
    const raw = await this.values.series(viewer, indicator.id, subject);
    if (basis === ComparisonBasis.Raw) return raw;
    const [divisor] = await this.indicators.requireCodes([basis === ComparisonBasis.PerCapita ? 'population' : 'gdp']);
    const by = await this.values.series(viewer, divisor!.id, subject);
    const result = new Map<number, number>();
    for (const [year, value] of raw) {
      const d = by.get(year);
      if (d !== undefined && d > 0) result.set(year, value / d);
    }
    return result;
  }
}

function unitOf(indicator: Indicator, basis: ComparisonBasis): string {
  if (basis === ComparisonBasis.PerCapita) return `${indicator.unit}/person`;
  if (basis === ComparisonBasis.PerGdp) return `${indicator.unit}/million USD`;
  return indicator.unit;
}

/** Emissions an inventory reports for the target's gas, sectors and scopes (null when it reports none). */
function covered(target: StrategyTarget, entries: InventoryEntry[]): number | null {
  const matching = entries.filter(
    (e) =>
      e.value !== null &&
      e.gas === target.gas &&
      (target.sectors.length === 0 || target.sectors.includes(e.sector)) &&
      (target.scopes.length === 0 || target.scopes.includes(e.scope)),
  );
  return matching.length ? matching.reduce((sum, e) => sum + e.value!, 0) : null;
}

function assess(
  target: StrategyTarget,
  inventories: { inventory: { year: number }; entries: InventoryEntry[] }[],
  gdp: Map<number, number> | null,
): TargetProgressResponse {
  const measured = (year: number, entries: InventoryEntry[]): number | null => {
    const total = covered(target, entries);
    if (total === null || target.type !== TargetType.Intensity) return total;
    const g = gdp?.get(year);
    return g && g > 0 ? total / g : null;
  };
  const result: TargetProgressResponse = {
    targetId: target.id,
    type: target.type,
    baseYear: target.baseYear,
    baseValue: target.baseValue,
    targetYear: target.targetYear,
    targetValue: null,
    latestYear: null,
    latestValue: null,
    pathValue: null,
    status: TargetProgressStatus.NoData,
    reason: null,
  };
  if (target.baseYear === null) return { ...result, reason: 'the target has no base year' };
  const baseInventory = inventories.find((i) => i.inventory.year === target.baseYear);
  const base = target.baseValue ?? (baseInventory ? measured(target.baseYear, baseInventory.entries) : null);
  if (base === null) return { ...result, reason: 'no base value and no inventory of the base year' };
  const level = targetLevel(target, base);
  if (level === null) return { ...result, baseValue: base, reason: 'the target level cannot be derived' };
  const latest = inventories
    .filter((i) => i.inventory.year > target.baseYear!)
    .map((i) => ({ year: i.inventory.year, value: measured(i.inventory.year, i.entries) }))
    .filter((i): i is { year: number; value: number } => i.value !== null)
    .at(-1);
  if (!latest) {
    return { ...result, baseValue: base, targetValue: level, reason: 'no inventory after the base year' };
  }
  const path = linearPath(target.baseYear, base, target.targetYear, level, latest.year);
  return {
    ...result,
    baseValue: base,
    targetValue: level,
    latestYear: latest.year,
    latestValue: latest.value,
    pathValue: path,
    status: progressStatus(latest.value, path),
  };
}

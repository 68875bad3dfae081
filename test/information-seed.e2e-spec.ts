import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CategoryComparisonResponse,
  ComparisonResponse,
  ProductCategoryResponse,
  StrategyProgressResponse,
  StrategyResponse,
} from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { REPORTED_SOURCE, seedInformationPlatform } from '../apps/api/src/cli/seed-information-platform.js';
import type { Actor } from '../apps/api/src/common/http/actor.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('demo seed of the information platform', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let focal: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    [coordinator, focal] = await Promise.all([t.fx.member({ role: 'coordinator' }), t.fx.member()]);
    const actor: Actor = {
      id: coordinator.id,
      role: coordinator.profile.role,
      status: coordinator.profile.status,
      displayName: coordinator.profile.displayName,
      timeZone: coordinator.profile.timeZone,
      sessionId: 'seed',
      mustChangePassword: false,
    };
    const focalFor = async (local: string) => (local === 'sato.misaki' ? focal.id : null);
    const first = await seedInformationPlatform(t.app, actor, focalFor);
    expect(first).toEqual({ cities: 10, reportedChanges: 12, schemes: 3 });
    // Idempotent: a second run adds nothing.
    expect(await seedInformationPlatform(t.app, actor, focalFor)).toEqual({
      cities: 0,
      reportedChanges: 0,
      schemes: 0,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const compare = async (
    indicator: string,
    countries: string,
  ): Promise<Record<string, [number, number, string, number, string]>> => {
    const response = await t.http().get(`/api/analysis/compare?indicator=${indicator}&countries=${countries}`);
    expect(response.status).toBe(200);
    const body = response.body as ComparisonResponse;
    return Object.fromEntries(
      body.items.map((item) => {
        expect(item.reportedChanges).toHaveLength(1);
        const r = item.reportedChanges[0]!;
        return [item.subject.country, [r.startYear, r.endYear, r.kind, r.valuePercent, r.source]];
      }),
    );
  };

  it('holds the period changes of the network report, with their source, shown to anonymous visitors', async () => {
    expect(await compare('dmc_per_capita', 'CN,KR,RU,JP')).toEqual({
      CN: [1990, 2005, 'annual_rate', 7, REPORTED_SOURCE],
      KR: [1990, 2005, 'annual_rate', 1.5, REPORTED_SOURCE],
      RU: [1990, 2005, 'annual_rate', 5.3, REPORTED_SOURCE],
      JP: [1990, 2005, 'annual_rate', -1.3, REPORTED_SOURCE],
    });
    expect(await compare('dmc_per_gdp', 'CN,KR,RU')).toEqual({
      CN: [1990, 2005, 'annual_rate', -2, REPORTED_SOURCE],
      KR: [1990, 2005, 'annual_rate', -3.1, REPORTED_SOURCE],
      RU: [1990, 2005, 'annual_rate', 6, REPORTED_SOURCE],
    });
    expect(await compare('gdp_per_energy', 'CN,MN,RU,JP,KR')).toEqual({
      CN: [1995, 2009, 'total_change', 76, REPORTED_SOURCE],
      MN: [1995, 2009, 'total_change', 70, REPORTED_SOURCE],
      RU: [1995, 2009, 'total_change', 67, REPORTED_SOURCE],
      JP: [1995, 2009, 'total_change', 13, REPORTED_SOURCE],
      KR: [1995, 2009, 'total_change', 10, REPORTED_SOURCE],
    });
    expect(REPORTED_SOURCE).toContain('UNESCAP / NEASPEC');
    const stored = await sql(
      t.databaseUrl,
      `SELECT value_percent::text AS v FROM reported_changes WHERE country = 'JP'
      AND indicator_id = (SELECT id FROM indicators WHERE code = 'dmc_per_capita')`,
    );
    expect(stored).toEqual([{ v: '-1.3' }]);
  });

  it('holds cities of the six member states with local names, a strategy with progress, and eco-labels', async () => {
    const cities = (await t.http().get('/api/cities?limit=100').expect(200)).body.items as {
      nameEn: string;
      nameLocal: string;
      country: string;
      id: string;
      focalPoints: { id: string }[];
    }[];
    expect(new Set(cities.map((c) => c.country))).toEqual(new Set(['CN', 'KP', 'JP', 'MN', 'KR', 'RU']));
    expect(cities.find((c) => c.nameEn === 'Ulaanbaatar')!.nameLocal).toBe('Улаанбаатар');
    const kitakyushu = cities.find((c) => c.nameEn === 'Kitakyushu')!;
    expect(kitakyushu.focalPoints.map((f) => f.id)).toEqual([focal.id]);

    const strategies = (await t.http().get(`/api/cities/${kitakyushu.id}/strategies`).expect(200)).body
      .items as StrategyResponse[];
    expect(strategies).toHaveLength(1);
    expect(strategies[0]!.targets.map((x) => x.type).sort()).toEqual(['base_year', 'base_year', 'net_zero']);
    const progress = (await t.http().get(`/api/analysis/strategies/${strategies[0]!.id}/progress`).expect(200))
      .body as StrategyProgressResponse;
    expect(progress.targets.every((p) => p.status !== 'no_data')).toBe(true);

    const categories = (await t.http().get('/api/eco-labels/categories').expect(200)).body
      .items as ProductCategoryResponse[];
    const paper = categories.find((c) => c.code === 'copy_paper')!;
    const comparison = (await t.http().get(`/api/eco-labels/categories/${paper.id}/comparison`).expect(200))
      .body as CategoryComparisonResponse;
    expect(comparison.schemes.map((s) => s.scheme.name)).toEqual([
      'China Environmental Labelling',
      'Eco Mark',
      'Korea Eco-Label',
    ]);
    const ecoMark = comparison.schemes.find((s) => s.scheme.name === 'Eco Mark')!;
    const korea = comparison.schemes.find((s) => s.scheme.name === 'Korea Eco-Label')!;
    expect(ecoMark.recognizedSchemeIds).toEqual([korea.scheme.id]);
  });
});

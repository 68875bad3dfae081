import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CityResponse,
  ComparisonResponse,
  ImportResultResponse,
  InventoryResponse,
  StrategyProgressResponse,
  StrategyResponse,
} from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('information platform: cities, strategies, inventories, access', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let focal: TestMember;
  let member: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    [coordinator, focal, member] = await Promise.all([
      t.fx.member({ role: 'coordinator' }),
      t.fx.member({ displayName: 'Focal Point UB' }),
      t.fx.member(),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (who: TestMember | null) => ({
    get: (url: string) => (who ? t.http().get(url).set('Authorization', who.auth) : t.http().get(url)),
    post: (url: string, body?: object) => {
      const r = t.http().post(url);
      return (who ? r.set('Authorization', who.auth) : r).send(body);
    },
    patch: (url: string, body: object) => {
      const r = t.http().patch(url);
      return (who ? r.set('Authorization', who.auth) : r).send(body);
    },
    put: (url: string, body: object) => {
      const r = t.http().put(url);
      return (who ? r.set('Authorization', who.auth) : r).send(body);
    },
    delete: (url: string) => (who ? t.http().delete(url).set('Authorization', who.auth) : t.http().delete(url)),
  });

  const createCity = async (body: Record<string, unknown>): Promise<CityResponse> => {
    const response = await as(coordinator).post('/api/cities', body);
    expect(response.status).toBe(201);
    return response.body as CityResponse;
  };

  it('answers 401 without a token on every write', async () => {
    const id = UNKNOWN_ID;
    const calls = [
      t.http().post('/api/cities'),
      t.http().patch(`/api/cities/${id}`),
      t.http().delete(`/api/cities/${id}`),
      t.http().put(`/api/cities/${id}/members`),
      t.http().post(`/api/cities/${id}/strategies`),
      t.http().post(`/api/cities/${id}/inventories`),
      t.http().patch(`/api/strategies/${id}`),
      t.http().delete(`/api/strategies/${id}`),
      t.http().post(`/api/strategies/${id}/targets`),
      t.http().post(`/api/strategies/${id}/actions`),
      t.http().put(`/api/inventories/${id}`),
      t.http().post('/api/indicators'),
      t.http().post('/api/indicator-values'),
      t.http().post('/api/indicator-values/import'),
      t.http().post('/api/reported-changes'),
    ];
    for (const call of calls) expect((await call).status).toBe(401);
  });

  it('publishes the routes and named enums in OpenAPI', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/cities',
      '/api/cities/{id}/strategies',
      '/api/strategies/{id}/targets/{targetId}',
      '/api/inventories/{id}',
      '/api/indicators/{code}',
      '/api/indicator-values/import',
      '/api/indicator-values/export',
      '/api/reported-changes',
      '/api/analysis/compare',
      '/api/analysis/change',
      '/api/analysis/strategies/{id}/progress',
      '/api/analysis/inventories/{id}/sector-shares',
      '/api/eco-labels/schemes',
      '/api/eco-labels/categories/{id}/comparison',
      '/api/eco-labels/recognitions',
    ]) {
      expect(paths).toContain(path);
    }
    const schemas = doc.components.schemas;
    expect(schemas.GpcSector.enum).toEqual(['stationary_energy', 'transport', 'waste', 'ippu', 'afolu']);
    expect(schemas.TargetType.enum).toEqual(['base_year', 'fixed_level', 'baseline_scenario', 'intensity', 'net_zero']);
    expect(schemas.NotationKey.enum).toEqual(['NO', 'NE', 'C', 'IE']);
    expect(schemas.DataQuality.enum).toEqual(['self_reported', 'verified']);
    expect(schemas.ChangeKind.enum).toEqual(['annual_rate', 'total_change']);
    expect(schemas.RecordVisibility.enum).toEqual(['public', 'network']);
    expect(schemas.CriterionAspect.enum).toContain('hazardous_substances');
  });

  it('coordinators create cities (audited); members may not; bad bodies get field details; names are unique', async () => {
    const city = await createCity({
      nameEn: 'Ulaanbaatar',
      nameLocal: 'Улаанбаатар',
      country: 'MN',
      areaKm2: 4704.4,
      latitude: 47.9184,
      longitude: 106.9177,
      visibility: 'public',
    });
    expect(city).toMatchObject({
      nameEn: 'Ulaanbaatar',
      nameLocal: 'Улаанбаатар',
      country: 'MN',
      areaKm2: 4704.4,
      latitude: 47.9184,
      visibility: 'public',
      focalPoints: [],
      canEdit: true,
    });
    const audit = await sql(t.databaseUrl, 'SELECT action, actor_id FROM audit_entries WHERE target_id = $1', [
      city.id,
    ]);
    expect(audit).toEqual([{ action: 'city_record.created', actor_id: coordinator.id }]);

    expect((await as(member).post('/api/cities', { nameEn: 'Mine', country: 'MN' })).status).toBe(403);
    const dup = await as(coordinator).post('/api/cities', { nameEn: 'Ulaanbaatar', country: 'MN' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CITY_NAME_TAKEN');
    const bad = await as(coordinator).post('/api/cities', {
      nameEn: '',
      country: 'XX',
      latitude: 91,
      visibility: 'secret',
      mayor: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['nameEn', 'country', 'latitude', 'visibility', 'mayor']),
    );
  });

  it('public records are readable anonymously; network records only by members (404 otherwise)', async () => {
    const open = await createCity({ nameEn: 'Darkhan', nameLocal: 'Дархан', country: 'MN', visibility: 'public' });
    const closed = await createCity({ nameEn: 'Erdenet', country: 'MN' });
    expect(closed.visibility).toBe('network');

    const anonymous = await as(null).get('/api/cities?country=MN&limit=100');
    expect(anonymous.status).toBe(200);
    const names = anonymous.body.items.map((c: CityResponse) => c.nameEn);
    expect(names).toContain('Darkhan');
    expect(names).not.toContain('Erdenet');
    expect((await as(null).get(`/api/cities/${closed.id}`)).status).toBe(404);
    expect((await as(null).get(`/api/cities/${open.id}`)).body.canEdit).toBe(false);
    expect((await as(member).get(`/api/cities/${closed.id}`)).status).toBe(200);

    // A public strategy of a network-only city stays hidden from anonymous visitors.
    const strategy = await as(coordinator).post(`/api/cities/${closed.id}/strategies`, {
      title: 'Erdenet green development plan',
      type: 'lcc_strategy',
      visibility: 'public',
    });
    expect(strategy.status).toBe(201);
    expect((await as(null).get(`/api/strategies/${strategy.body.id}`)).status).toBe(404);
    expect((await as(member).get(`/api/strategies/${strategy.body.id}`)).status).toBe(200);
    expect((await as(null).get(`/api/cities/${closed.id}/strategies`)).status).toBe(404);
  });

  it('deleting a city takes its records with it and archives its strategy rooms', async () => {
    const city = await createCity({ nameEn: 'Bayankhongor', country: 'MN' });
    const strategy = (
      await as(coordinator).post(`/api/cities/${city.id}/strategies`, { title: 'Short-lived plan', type: 'other' })
    ).body as StrategyResponse;
    expect((await as(member).delete(`/api/cities/${city.id}`)).status).toBe(403);
    expect((await as(coordinator).delete(`/api/cities/${city.id}`)).status).toBe(204);
    expect((await as(coordinator).get(`/api/cities/${city.id}`)).status).toBe(404);
    expect((await as(coordinator).get(`/api/strategies/${strategy.id}`)).status).toBe(404);
    expect((await as(coordinator).get(`/api/rooms/${strategy.roomId}`)).body.archived).toBe(true);
    expect((await as(coordinator).delete(`/api/cities/${city.id}`)).status).toBe(404);
  });

  it('focal points edit their city; other members get 403; only active members can be linked', async () => {
    const city = await createCity({ nameEn: 'Choibalsan', country: 'MN', visibility: 'public' });
    expect((await as(focal).patch(`/api/cities/${city.id}`, { areaKm2: 100 })).status).toBe(403);
    expect(
      (await as(focal).put(`/api/cities/${city.id}/members`, { focalPointIds: [], organizationIds: [] })).status,
    ).toBe(403);
    const linked = await as(coordinator).put(`/api/cities/${city.id}/members`, {
      focalPointIds: [focal.id],
      organizationIds: [member.id],
    });
    expect(linked.status).toBe(200);
    expect(linked.body.focalPoints).toEqual([
      { id: focal.id, displayName: 'Focal Point UB', organization: focal.profile.organization },
    ]);
    expect(linked.body.organizations.map((m: { id: string }) => m.id)).toEqual([member.id]);
    const pending = await t.fx.pendingMember();
    const refused = await as(coordinator).put(`/api/cities/${city.id}/members`, {
      focalPointIds: [pending.id],
      organizationIds: [],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('CITY_MEMBER_NOT_FOUND');

    const edited = await as(focal).patch(`/api/cities/${city.id}`, { areaKm2: 25.5, nameLocal: 'Чойбалсан' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ areaKm2: 25.5, nameLocal: 'Чойбалсан', canEdit: true });
    expect((await as(member).patch(`/api/cities/${city.id}`, { areaKm2: 1 })).status).toBe(403);
    expect(
      (await as(member).post(`/api/cities/${city.id}/strategies`, { title: 'x plan', type: 'other' })).status,
    ).toBe(403);
    expect((await as(focal).patch(`/api/cities/${UNKNOWN_ID}`, { areaKm2: 1 })).status).toBe(404);
    expect((await as(focal).delete(`/api/cities/${city.id}`)).status).toBe(403);
  });

  it('answers 400, never 500, to forged cursors and nulls in required fields', async () => {
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const url of [
      `/api/cities?cursor=${forged(['Ulaanbaatar', 'not-a-uuid'])}`,
      `/api/indicator-values?cursor=${forged(['total_ghg', 'MN', '', 'x', 'y'])}`,
      `/api/reported-changes?cursor=${forged(['a', 'b', 'c', 1, 2, 'z'])}`,
      `/api/indicators?cursor=${forged([1])}`,
      `/api/eco-labels/recognitions?cursor=${forged(['yesterday', UNKNOWN_ID])}`,
      '/api/cities?cursor=%%%',
    ]) {
      const response = await as(member).get(url);
      expect({ url, status: response.status, code: response.body.code }).toEqual({
        url,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const city = await createCity({ nameEn: 'Sukhbaatar', country: 'MN' });
    const nulls = await as(coordinator).patch(`/api/cities/${city.id}`, { nameEn: null, visibility: null });
    expect(nulls.status).toBe(400);
    expect(nulls.body.details.map((d: { field: string }) => d.field)).toEqual(['nameEn', 'visibility']);
    const strategy = await as(coordinator).post(`/api/cities/${city.id}/strategies`, {
      title: 'Sukhbaatar plan',
      type: 'energy_plan',
      actions: [{ title: 'Insulation', status: null }],
    });
    expect(strategy.status).toBe(201);
    expect(strategy.body.actions[0].status).toBe('planned');
    const bad = await as(coordinator).patch(`/api/strategies/${strategy.body.id}`, { title: null, status: null });
    expect(bad.status).toBe(400);
    const cleared = await as(coordinator).patch(`/api/strategies/${strategy.body.id}`, { description: null });
    expect(cleared.status).toBe(200);
  });

  describe('a strategy with targets, actions, documents, a room, inventories and progress', () => {
    let city: CityResponse;
    let strategy: StrategyResponse;

    beforeAll(async () => {
      city = await createCity({ nameEn: 'Kitakyushu', nameLocal: '北九州', country: 'JP', visibility: 'public' });
      await as(coordinator)
        .put(`/api/cities/${city.id}/members`, { focalPointIds: [focal.id], organizationIds: [] })
        .expect(200);
    });

    it('validates targets by type and years; creates strategy, targets, actions and a room in one go', async () => {
      const bad = await as(focal).post(`/api/cities/${city.id}/strategies`, {
        title: 'Bad plan',
        type: 'lcc_strategy',
        periodStart: 2030,
        periodEnd: 2020,
        targets: [
          { type: 'base_year', targetYear: 2030 },
          { type: 'fixed_level', baseYear: 2013, targetYear: 2030, reductionPercent: 120 },
        ],
        actions: [{ title: 'Cost without currency', cost: 10, startYear: 1800 }],
      });
      expect(bad.status).toBe(400);
      const fields = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['targets[1].reductionPercent', 'actions[0].startYear']));
      const bad2 = await as(focal).post(`/api/cities/${city.id}/strategies`, {
        title: 'Bad plan',
        type: 'lcc_strategy',
        periodStart: 2030,
        periodEnd: 2020,
        targets: [{ type: 'base_year', targetYear: 2030 }],
      });
      expect(bad2.status).toBe(400);
      expect(bad2.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['periodEnd', 'targets[0].reductionPercent', 'targets[0].baseYear']),
      );

      const document = await t.fx.document(focal, {
        title: 'Kitakyushu Green Frontier Plan',
        kind: 'strategy',
        visibility: 'network',
        text: 'plan\n',
      });
      const notMine = await as(focal).post(`/api/cities/${city.id}/strategies`, {
        title: 'Plan',
        type: 'lcc_strategy',
        documentIds: [UNKNOWN_ID],
      });
      expect(notMine.status).toBe(400);
      expect(notMine.body.code).toBe('DOCUMENT_NOT_LINKABLE');

      const created = await as(focal).post(`/api/cities/${city.id}/strategies`, {
        title: 'Green Frontier Plan',
        type: 'climate_action_plan',
        adoptionYear: 2016,
        periodStart: 2016,
        periodEnd: 2030,
        visibility: 'public',
        documentIds: [document.id],
        targets: [
          { type: 'base_year', baseYear: 2010, baseValue: 1000, targetYear: 2030, reductionPercent: 40 },
          { type: 'base_year', sectors: ['transport'], baseYear: 2010, targetYear: 2030, reductionPercent: 50 },
          { type: 'net_zero', baseYear: 2010, targetYear: 2050 },
          { type: 'baseline_scenario', targetYear: 2030, baselineValue: 1500, reductionPercent: 30 },
        ],
        actions: [
          {
            title: 'LED street lighting',
            sector: 'stationary_energy',
            status: 'ongoing',
            responsibleBody: 'Construction Bureau',
            startYear: 2017,
            endYear: 2022,
            cost: 1200000000,
            costCurrency: 'JPY',
            expectedReduction: 15000,
          },
        ],
      });
      expect(created.status).toBe(201);
      strategy = created.body as StrategyResponse;
      expect(strategy).toMatchObject({
        city: { id: city.id, nameEn: 'Kitakyushu', nameLocal: '北九州', country: 'JP' },
        documents: [{ id: document.id, title: 'Kitakyushu Green Frontier Plan' }],
        roomId: expect.any(String),
        canEdit: true,
      });
      expect(strategy.targets).toHaveLength(4);
      expect(strategy.targets.find((x) => x.type === 'net_zero')).toMatchObject({ reductionPercent: 100 });
      expect(strategy.actions[0]).toMatchObject({ cost: 1200000000, costCurrency: 'JPY', expectedReduction: 15000 });

      // The room is a discussions room that any active member may open.
      const room = await as(member).get(`/api/rooms/${strategy.roomId}`);
      expect(room.status).toBe(200);
      expect(room.body).toMatchObject({ kind: 'topic', name: 'Kitakyushu: Green Frontier Plan' });

      // Anonymous visitors see the strategy, but not network documents nor the room.
      const anonymous = await as(null).get(`/api/strategies/${strategy.id}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ documents: [], roomId: null, canEdit: false });
    });

    it('targets and actions change through their routes, audited; others get 403', async () => {
      const target = await as(focal).post(`/api/strategies/${strategy.id}/targets`, {
        type: 'intensity',
        baseYear: 2010,
        baseValue: 2.5,
        targetYear: 2030,
        reductionPercent: 45,
      });
      expect(target.status).toBe(201);
      expect(
        (await as(member).patch(`/api/strategies/${strategy.id}/targets/${target.body.id}`, { reductionPercent: 1 }))
          .status,
      ).toBe(403);
      const patched = await as(focal).patch(`/api/strategies/${strategy.id}/targets/${target.body.id}`, {
        reductionPercent: 50,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.reductionPercent).toBe(50);
      const badPercent = await as(focal).patch(`/api/strategies/${strategy.id}/targets/${target.body.id}`, {
        reductionPercent: 101,
      });
      expect(badPercent.status).toBe(400);
      expect(badPercent.body.details[0].field).toBe('reductionPercent');
      expect((await as(focal).delete(`/api/strategies/${strategy.id}/targets/${UNKNOWN_ID}`)).status).toBe(404);
      expect((await as(focal).delete(`/api/strategies/${strategy.id}/targets/${target.body.id}`)).status).toBe(204);

      const action = await as(focal).post(`/api/strategies/${strategy.id}/actions`, {
        title: 'Bike sharing',
        sector: 'transport',
      });
      expect(action.status).toBe(201);
      expect(action.body.status).toBe('planned');
      const done = await as(focal).patch(`/api/strategies/${strategy.id}/actions/${action.body.id}`, {
        status: 'completed',
      });
      expect(done.body.status).toBe('completed');
      const bad = await as(focal).patch(`/api/strategies/${strategy.id}/actions/${action.body.id}`, { status: 'done' });
      expect(bad.status).toBe(400);
      const audit = await sql(
        t.databaseUrl,
        `SELECT action FROM audit_entries WHERE target_type = 'strategy_target' ORDER BY created_at`,
      );
      expect(audit.map((a) => a.action)).toEqual(['city_record.created', 'city_record.updated', 'city_record.deleted']);
    });

    it('inventories carry values or notation keys with quality and source; one per year', async () => {
      const entry = (sector: string, scope: string, value: number | null, notationKey?: string) => ({
        sector,
        scope,
        value,
        notationKey: notationKey ?? null,
        quality: 'verified',
        source: 'City GHG inventory report',
      });
      const bad = await as(focal).post(`/api/cities/${city.id}/inventories`, {
        year: 2010,
        entries: [
          entry('stationary_energy', 'scope_1', 10, 'NO'),
          entry('transport', 'scope_1', null),
          { ...entry('waste', 'scope_1', 1), quality: 'guessed', sector: 'mining' },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['entries[2].quality', 'entries[2].sector']),
      );
      const bad2 = await as(focal).post(`/api/cities/${city.id}/inventories`, {
        year: 2010,
        entries: [
          entry('stationary_energy', 'scope_1', 10, 'NO'),
          entry('transport', 'scope_1', 5),
          entry('transport', 'scope_1', 6),
        ],
      });
      expect(bad2.status).toBe(400);
      expect(bad2.body.details.map((d: { field: string }) => d.field)).toEqual(['entries[0]', 'entries[2]']);

      const inventories: Record<number, InventoryResponse> = {};
      for (const [year, energy, transport] of [
        [2010, 600, 400],
        [2015, 560, 330],
        [2020, 500, 340],
      ] as const) {
        const created = await as(focal).post(`/api/cities/${city.id}/inventories`, {
          year,
          methodology: 'GPC BASIC',
          visibility: year === 2020 ? 'network' : 'public',
          entries: [
            entry('stationary_energy', 'scope_1', energy * 0.5),
            entry('stationary_energy', 'scope_2', energy * 0.5),
            entry('transport', 'scope_1', transport),
            entry('ippu', 'scope_1', null, 'NE'),
            entry('afolu', 'scope_1', null, 'NO'),
          ],
        });
        expect(created.status).toBe(201);
        inventories[year] = created.body;
      }
      expect(inventories[2015]!.total).toBe(890);
      const dup = await as(focal).post(`/api/cities/${city.id}/inventories`, { year: 2015, entries: [] });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('INVENTORY_YEAR_TAKEN');

      const shares = await as(member).get(`/api/analysis/inventories/${inventories[2015]!.id}/sector-shares`);
      expect(shares.status).toBe(200);
      expect(shares.body).toMatchObject({
        year: 2015,
        total: 890,
        sectors: [
          { sector: 'stationary_energy', value: 560, sharePercent: 62.9213 },
          { sector: 'transport', value: 330, sharePercent: 37.0787 },
        ],
      });
      expect(shares.body.notationKeys).toEqual(
        expect.arrayContaining([
          { sector: 'ippu', scope: 'scope_1', notationKey: 'NE' },
          { sector: 'afolu', scope: 'scope_1', notationKey: 'NO' },
        ]),
      );
      expect((await as(null).get(`/api/analysis/inventories/${inventories[2020]!.id}/sector-shares`)).status).toBe(404);

      const replaced = await as(focal).put(`/api/inventories/${inventories[2020]!.id}`, {
        year: 2020,
        methodology: 'GPC BASIC+',
        visibility: 'network',
        entries: [
          entry('stationary_energy', 'scope_1', 250),
          entry('stationary_energy', 'scope_2', 250),
          entry('transport', 'scope_1', 340),
        ],
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ methodology: 'GPC BASIC+', total: 840 });
      expect(replaced.body.entries).toHaveLength(3);
      expect(
        (await as(member).put(`/api/inventories/${inventories[2020]!.id}`, { year: 2020, entries: [] })).status,
      ).toBe(403);
    });

    it('progress: the linear path against the latest inventory, hand-computed', async () => {
      const progress = await as(member).get(`/api/analysis/strategies/${strategy.id}/progress`);
      expect(progress.status).toBe(200);
      const body = progress.body as StrategyProgressResponse;
      const progressOf = (match: (target: StrategyResponse['targets'][number]) => boolean) =>
        body.targets.find((p) => p.targetId === strategy.targets.find(match)!.id)!;
      const cityWide = progressOf((x) => x.type === 'base_year' && x.sectors.length === 0);
      const transport = progressOf((x) => x.type === 'base_year' && x.sectors.includes('transport' as never));
      const netZero = progressOf((x) => x.type === 'net_zero');
      const baseline = progressOf((x) => x.type === 'baseline_scenario');
      // City-wide: base 1000 (stated) in 2010 → 600 in 2030; path at 2020 = 800; 2020 inventory = 840 → off track.
      expect(cityWide).toMatchObject({
        baseValue: 1000,
        targetValue: 600,
        latestYear: 2020,
        latestValue: 840,
        pathValue: 800,
        status: 'off_track',
      });
      // Transport only: base from the 2010 inventory = 400 → 200 in 2030; path at 2020 = 300; 340 → off track.
      expect(transport).toMatchObject({ baseValue: 400, targetValue: 200, latestValue: 340, pathValue: 300 });
      expect(transport!.status).toBe('off_track');
      // Net zero 2050: 1000 → 0; path at 2020 = 1000 − 1000 × 10/40 = 750; 840 → off track.
      expect(netZero).toMatchObject({ baseValue: 1000, targetValue: 0, pathValue: 750, status: 'off_track' });
      expect(baseline).toMatchObject({ status: 'no_data', reason: 'the target has no base year' });

      // Anonymous visitors see only public inventories: the latest they may read is 2015.
      // City-wide path at 2015 = 900; 2015 inventory = 890 → on track.
      const anonymous = await as(null).get(`/api/analysis/strategies/${strategy.id}/progress`);
      const anonymousCityWide = (anonymous.body as StrategyProgressResponse).targets.find(
        (p) => p.targetId === cityWide.targetId,
      );
      expect(anonymousCityWide).toMatchObject({
        latestYear: 2015,
        latestValue: 890,
        pathValue: 900,
        status: 'on_track',
      });
    });
    it('deletes strategies and inventories (editors only, audited) and archives the strategy room', async () => {
      const doomed = await as(focal).post(`/api/cities/${city.id}/strategies`, { title: 'Old plan', type: 'other' });
      expect(doomed.status).toBe(201);
      expect((await as(member).delete(`/api/strategies/${doomed.body.id}`)).status).toBe(403);
      expect((await as(focal).delete(`/api/strategies/${doomed.body.id}`)).status).toBe(204);
      expect((await as(focal).get(`/api/strategies/${doomed.body.id}`)).status).toBe(404);
      expect((await as(focal).delete(`/api/strategies/${doomed.body.id}`)).status).toBe(404);
      const room = await as(focal).get(`/api/rooms/${doomed.body.roomId}`);
      expect(room.body.archived).toBe(true);
      const audit = await sql(
        t.databaseUrl,
        'SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY created_at',
        [doomed.body.id],
      );
      expect(audit.map((a) => a.action)).toEqual(['city_record.created', 'city_record.deleted']);

      const inventory = await as(focal).post(`/api/cities/${city.id}/inventories`, { year: 1990, entries: [] });
      expect(inventory.status).toBe(201);
      expect((await as(member).delete(`/api/inventories/${inventory.body.id}`)).status).toBe(403);
      expect((await as(focal).delete(`/api/inventories/${inventory.body.id}`)).status).toBe(204);
      expect((await as(focal).get(`/api/inventories/${inventory.body.id}`)).status).toBe(404);
    });
  });

  describe('indicator values: import → analysis → export, all or nothing', () => {
    let ub: CityResponse;
    let seoul: CityResponse;

    beforeAll(async () => {
      ub = (await as(coordinator).get('/api/cities?q=Ulaanbaatar').expect(200)).body.items[0];
      seoul = await createCity({ nameEn: 'Seoul', nameLocal: '서울', country: 'KR', visibility: 'public' });
      await as(coordinator)
        .put(`/api/cities/${ub.id}/members`, { focalPointIds: [focal.id], organizationIds: [] })
        .expect(200);
    });

    const importCsv = (who: TestMember, csv: string, query = '') =>
      t
        .http()
        .post(`/api/indicator-values/import${query}`)
        .set('Authorization', who.auth)
        .set('Content-Type', 'text/csv')
        .send(csv);

    const HEADER = 'indicator,country,city_id,city,year,value,unit,source,quality,visibility';
    const SOURCE = 'National Statistics Office of Mongolia';

    it('lists the built-in indicators publicly', async () => {
      const list = await as(null).get('/api/indicators?limit=100');
      expect(list.status).toBe(200);
      const codes = list.body.items.map((i: { code: string }) => i.code);
      expect(codes).toEqual(
        expect.arrayContaining([
          'total_ghg',
          'ghg_per_capita',
          'ghg_per_gdp',
          'energy_consumption',
          'energy_intensity',
          'gdp_per_energy',
          'renewable_share',
          'dmc',
          'dmc_per_capita',
          'dmc_per_gdp',
          'population',
          'gdp',
        ]),
      );
      expect((await as(null).get('/api/indicators/total_ghg')).body).toMatchObject({ unit: 'tCO2e', builtIn: true });
    });

    it('a file with one bad row writes nothing and reports every problem row by row', async () => {
      const csv = [
        HEADER,
        `total_ghg,MN,,Ulaanbaatar,2010,1000,tCO2e,${SOURCE},verified,public`,
        `total_ghg,MN,,Ulaanbaatar,2011,1100,ktCO2e,${SOURCE},verified,public`,
        `total_ghg,MN,,Atlantis,2012,1200,tCO2e,${SOURCE},verified,public`,
        `total_ghg,MN,,Ulaanbaatar,2010,1000,tCO2e,${SOURCE},verified,public`,
        `renewable_share,MN,,Ulaanbaatar,2010,140,%,${SOURCE},self_reported,`,
        `total_ghg,MN,,Ulaanbaatar,1850,abc,tCO2e,,maybe,secret`,
      ].join('\n');
      const response = await importCsv(focal, csv);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('IMPORT_FAILED');
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { field: 'row 3: unit', message: expect.stringContaining('"ktCO2e" does not match') },
          { field: 'row 4: city', message: 'unknown city "Atlantis" in MN' },
          { field: 'row 5: year', message: 'duplicate: row 2 has the same indicator, city and year' },
          { field: 'row 6: value', message: 'a percentage must lie between 0 and 100' },
          { field: 'row 7: year', message: expect.any(String) },
          { field: 'row 7: value', message: '"abc" is not a number' },
          { field: 'row 7: source', message: expect.any(String) },
          { field: 'row 7: quality', message: expect.any(String) },
          { field: 'row 7: visibility', message: expect.any(String) },
        ]),
      );
      const stored = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM indicator_values');
      expect(stored).toEqual([{ n: 0 }]);

      const header = await importCsv(focal, 'indicator,country,year,value,colour\n');
      expect(header.status).toBe(400);
      expect(header.body.details).toEqual(
        expect.arrayContaining([
          { field: 'row 1: colour', message: expect.stringContaining('unknown column') },
          { field: 'row 1: unit', message: 'required column is missing' },
        ]),
      );
      const ragged = await importCsv(
        focal,
        `${HEADER}\ntotal_ghg,MN,,Ulaanbaatar,2010,1000,tCO2e,x,verified,public,extra\n`,
      );
      expect(ragged.status).toBe(400);
      expect(ragged.body.details).toEqual([
        { field: 'row 2: record', message: expect.stringContaining('Invalid Record Length') },
      ]);
      const json = await t
        .http()
        .post('/api/indicator-values/import')
        .set('Authorization', focal.auth)
        .send({ csv: HEADER });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('CSV_REQUIRED');
    });

    it('rights are checked row by row: a focal point writes only their city, never country data', async () => {
      const csv = [
        HEADER,
        `total_ghg,MN,,Ulaanbaatar,2010,1000,tCO2e,${SOURCE},verified,public`,
        `total_ghg,KR,${seoul.id},,2010,50000000,tCO2e,Seoul statistics,verified,public`,
        `total_ghg,MN,,,2010,40000000,tCO2e,${SOURCE},verified,public`,
      ].join('\n');
      const response = await importCsv(focal, csv);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'row 3: city', message: 'you may not change the records of Seoul' },
        { field: 'row 4: country', message: 'only coordinators can change country-level data' },
      ]);
      expect(await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM indicator_values')).toEqual([{ n: 0 }]);
    });

    const SERIES_CSV = [
      HEADER,
      // Ulaanbaatar: total GHG 2010 → 2015 grows from 1000 to 1610.51 = 1000 × 1.1^5 (+10 % a year, +61.051 %).
      `total_ghg,MN,,Ulaanbaatar,2010,1000,tCO2e,${SOURCE},verified,public`,
      `total_ghg,MN,,Ulaanbaatar,2015,1610.51,tCO2e,${SOURCE},verified,public`,
      `population,MN,,Ulaanbaatar,2010,1000,persons,${SOURCE},verified,public`,
      `population,MN,,Ulaanbaatar,2015,1250,persons,${SOURCE},verified,public`,
      // Seoul by id: total GHG falls from 50,000,000 to 40,500,000 (−19 %; 0.81^(1/2) − 1 = −10 % a year).
      `total_ghg,KR,SEOUL,,2013,50000000,tCO2e,Seoul statistics,self_reported,network`,
      `total_ghg,KR,SEOUL,,2015,40500000,tCO2e,Seoul statistics,self_reported,network`,
      // Mongolia (country level): DMC per capita.
      `dmc_per_capita,MN,,,1990,10,t/person,UN Environment global material flows database,verified,public`,
      `dmc_per_capita,MN,,,2005,20,t/person,UN Environment global material flows database,verified,public`,
    ].join('\n');

    it('imports, analyses and exports the same rows back (CSV and JSON)', async () => {
      const csv = SERIES_CSV.replaceAll('SEOUL', seoul.id);
      const dry = await importCsv(coordinator, csv, '?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({ rows: 8, created: 8, updated: 0, dryRun: true } satisfies ImportResultResponse);
      expect(await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM indicator_values')).toEqual([{ n: 0 }]);

      const imported = await importCsv(coordinator, csv);
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({ rows: 8, created: 8, updated: 0, dryRun: false });
      const audit = await sql(
        t.databaseUrl,
        `SELECT details FROM audit_entries WHERE action = 'indicator_values.imported'`,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ rows: 8, created: 8 });

      // Importing the same file again is refused (duplicates against the database) unless replace=true.
      const again = await importCsv(coordinator, csv);
      expect(again.status).toBe(400);
      expect(again.body.details[0]).toEqual({
        field: 'row 2: year',
        message: 'a value for 2010 is already stored (import with replace=true to overwrite)',
      });

      // Change: CAGR and total change, computed by hand above.
      const change = await as(member).get(
        `/api/analysis/change?indicator=total_ghg&cityId=${ub.id}&fromYear=2010&toYear=2015`,
      );
      expect(change.status).toBe(200);
      expect(change.body).toMatchObject({
        indicator: 'total_ghg',
        basis: 'raw',
        unit: 'tCO2e',
        subject: { type: 'city', cityId: ub.id, name: 'Ulaanbaatar', country: 'MN' },
        fromValue: 1000,
        toValue: 1610.51,
        totalChangePercent: 61.051,
        annualRatePercent: 10,
      });
      // Per capita: 1.0 → 1.288408 t/person: (1.288408)^(1/5) − 1 = 5.1988 % a year, +28.8408 % in total.
      const perCapita = await as(member).get(
        `/api/analysis/change?indicator=total_ghg&cityId=${ub.id}&fromYear=2010&toYear=2015&basis=per_capita`,
      );
      expect(perCapita.body).toMatchObject({
        unit: 'tCO2e/person',
        totalChangePercent: 28.8408,
        annualRatePercent: 5.1988,
      });
      const missing = await as(member).get(
        `/api/analysis/change?indicator=total_ghg&cityId=${ub.id}&fromYear=2010&toYear=2012`,
      );
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NO_VALUE_FOR_YEAR');
      const inverted = await as(member).get(
        `/api/analysis/change?indicator=total_ghg&cityId=${ub.id}&fromYear=2015&toYear=2010`,
      );
      expect(inverted.status).toBe(400);

      // Compare the two cities in 2015 with the change since 2013 where both years are stored.
      const compare = await as(member).get(
        `/api/analysis/compare?indicator=total_ghg&cityIds=${ub.id},${seoul.id}&year=2015&fromYear=2013&toYear=2015`,
      );
      expect(compare.status).toBe(200);
      const body = compare.body as ComparisonResponse;
      expect(body.unit).toBe('tCO2e');
      expect(body.items.map((i) => [i.subject.name, i.year, i.value])).toEqual([
        ['Ulaanbaatar', 2015, 1610.51],
        ['Seoul', 2015, 40500000],
      ]);
      expect(body.items[0]!.computedChange).toBeNull();
      expect(body.items[1]!.computedChange).toMatchObject({ totalChangePercent: -19, annualRatePercent: -10 });
      // Anonymous visitors compare only public values: Seoul's network series is invisible to them.
      const anonymous = await as(null).get(`/api/analysis/compare?indicator=total_ghg&cityIds=${ub.id},${seoul.id}`);
      expect((anonymous.body as ComparisonResponse).items.map((i) => i.value)).toEqual([1610.51, null]);

      // Export the selection as CSV: the same rows, byte for byte in the import format.
      const exported = await as(member).get(
        `/api/indicator-values/export?indicator=total_ghg,population,dmc_per_capita&countries=MN,KR`,
      );
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      expect(exported.headers['content-disposition']).toBe('attachment; filename="indicator-values.csv"');
      const lines = (exported.text as string).trim().split('\n');
      expect(lines[0]).toBe(HEADER);
      const expected = csv
        .split('\n')
        .slice(1)
        .map((line) => {
          const [indicator, country, cityId, city, ...rest] = line.split(',');
          const id = cityId || (city === 'Ulaanbaatar' ? ub.id : '');
          const name = id === ub.id ? 'Ulaanbaatar' : id === seoul.id ? 'Seoul' : '';
          return [indicator, country, id, name, ...rest].join(',');
        });
      expect(lines.slice(1).sort()).toEqual(expected.sort());

      // The exported file imports again (replace=true overwrites: nothing new, eight updated).
      const roundTrip = await importCsv(coordinator, exported.text as string, '?replace=true');
      expect(roundTrip.body).toEqual({ rows: 8, created: 0, updated: 8, dryRun: false });

      const json = await as(null).get(`/api/indicator-values/export?format=json&indicator=total_ghg&cityIds=${ub.id}`);
      expect(json.status).toBe(200);
      expect(
        JSON.parse(json.text as string).items.map((v: { year: number; value: number }) => [v.year, v.value]),
      ).toEqual([
        [2010, 1000],
        [2015, 1610.51],
      ]);

      // The city shows population from the series.
      const ubNow = await as(null).get(`/api/cities/${ub.id}`);
      expect(ubNow.body.statistics).toEqual([
        { year: 2010, population: 1000, gdp: null },
        { year: 2015, population: 1250, gdp: null },
      ]);
    });

    it('lists values with pagination and filters, and takes single values with unit checks', async () => {
      const page1 = await as(member).get('/api/indicator-values?limit=3');
      expect(page1.status).toBe(200);
      expect(page1.body.items).toHaveLength(3);
      const page2 = await as(member).get(`/api/indicator-values?limit=3&cursor=${page1.body.nextCursor}`);
      const page3 = await as(member).get(`/api/indicator-values?limit=3&cursor=${page2.body.nextCursor}`);
      const all = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((v: { id: string }) => v.id);
      expect(new Set(all).size).toBe(8);
      expect(page3.body.nextCursor).toBeNull();
      expect((await as(member).get('/api/indicator-values?indicator=nope')).status).toBe(400);
      expect((await as(member).get('/api/indicator-values?fromYear=1800')).status).toBe(400);

      const wrongUnit = await as(focal).post('/api/indicator-values', {
        indicator: 'total_ghg',
        cityId: ub.id,
        year: 2016,
        value: 1,
        unit: 'kt',
        source: SOURCE,
        quality: 'verified',
      });
      expect(wrongUnit.status).toBe(400);
      expect(wrongUnit.body.details[0].field).toBe('unit');
      const created = await as(focal).post('/api/indicator-values', {
        indicator: 'total_ghg',
        cityId: ub.id,
        year: 2016,
        value: 1700.25,
        unit: 'tCO2e',
        source: SOURCE,
        quality: 'self_reported',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ value: 1700.25, visibility: 'network', subject: { cityId: ub.id } });
      const dup = await as(focal).post('/api/indicator-values', {
        indicator: 'total_ghg',
        cityId: ub.id,
        year: 2016,
        value: 1,
        unit: 'tCO2e',
        source: SOURCE,
        quality: 'verified',
      });
      expect(dup.status).toBe(409);
      const country = await as(focal).post('/api/indicator-values', {
        indicator: 'total_ghg',
        country: 'MN',
        year: 2016,
        value: 1,
        unit: 'tCO2e',
        source: SOURCE,
        quality: 'verified',
      });
      expect(country.status).toBe(403);
      expect(country.body.code).toBe('COUNTRY_DATA_FORBIDDEN');
      expect((await as(member).patch(`/api/indicator-values/${created.body.id}`, { value: 2 })).status).toBe(403);
      const patched = await as(focal).patch(`/api/indicator-values/${created.body.id}`, { value: 1800 });
      expect(patched.body.value).toBe(1800);
      expect((await as(focal).delete(`/api/indicator-values/${created.body.id}`)).status).toBe(204);
    });

    it('reported period changes: coordinators record them; comparisons show them beside computed ones', async () => {
      const reported = await as(coordinator).post('/api/reported-changes', {
        indicator: 'dmc_per_capita',
        country: 'MN',
        startYear: 1990,
        endYear: 2005,
        kind: 'annual_rate',
        valuePercent: 4.7,
        source: 'A published report',
        quality: 'verified',
      });
      expect(reported.status).toBe(201);
      expect(reported.body).toMatchObject({ valuePercent: 4.7, visibility: 'public', subject: { type: 'country' } });
      const notAllowed = await as(focal).post('/api/reported-changes', {
        indicator: 'dmc_per_capita',
        country: 'MN',
        startYear: 1990,
        endYear: 2005,
        kind: 'annual_rate',
        valuePercent: 1,
        source: 'x',
        quality: 'verified',
      });
      expect(notAllowed.status).toBe(403);
      const badPeriod = await as(coordinator).post('/api/reported-changes', {
        indicator: 'dmc_per_capita',
        country: 'MN',
        startYear: 2005,
        endYear: 1990,
        kind: 'total_change',
        valuePercent: 1,
        source: 'x',
        quality: 'verified',
      });
      expect(badPeriod.status).toBe(400);

      const compare = await as(null).get(
        '/api/analysis/compare?indicator=dmc_per_capita&countries=MN&fromYear=1990&toYear=2005',
      );
      expect(compare.status).toBe(200);
      const [mongolia] = (compare.body as ComparisonResponse).items;
      // 10 → 20 t/person over 15 years: 2^(1/15) − 1 = 4.7294 % a year, +100 % in total.
      expect(mongolia!.computedChange).toMatchObject({ totalChangePercent: 100, annualRatePercent: 4.7294 });
      expect(mongolia!.reportedChanges).toEqual([
        expect.objectContaining({ startYear: 1990, endYear: 2005, kind: 'annual_rate', valuePercent: 4.7 }),
      ]);
      expect((await as(coordinator).delete(`/api/reported-changes/${reported.body.id}`)).status).toBe(204);
      expect((await as(coordinator).delete(`/api/reported-changes/${reported.body.id}`)).status).toBe(404);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CategoryComparisonResponse, EcoLabelSchemeResponse, ProductCategoryResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('eco-label registry: schemes, criteria, procedures, mutual recognition, comparison', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let member: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    [coordinator, member] = await Promise.all([t.fx.member({ role: 'coordinator' }), t.fx.member()]);
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'post' | 'patch' | 'put', url: string, body: object, who: TestMember | null = coordinator) => {
    const r = t.http()[method](url);
    return (who ? r.set('Authorization', who.auth) : r).send(body);
  };
  const get = (url: string, who: TestMember | null = null) =>
    who ? t.http().get(url).set('Authorization', who.auth) : t.http().get(url);

  it('answers 401 without a token on every write, 403 to members', async () => {
    const id = UNKNOWN_ID;
    for (const call of [
      t.http().post('/api/eco-labels/schemes'),
      t.http().patch(`/api/eco-labels/schemes/${id}`),
      t.http().delete(`/api/eco-labels/schemes/${id}`),
      t.http().put(`/api/eco-labels/schemes/${id}/steps`),
      t.http().put(`/api/eco-labels/schemes/${id}/categories/${id}`),
      t.http().post('/api/eco-labels/categories'),
      t.http().post('/api/eco-labels/recognitions'),
    ]) {
      expect((await call).status).toBe(401);
    }
    const refused = await send(
      'post',
      '/api/eco-labels/schemes',
      { name: 'Member label', country: 'MN', operator: 'Someone' },
      member,
    );
    expect(refused.status).toBe(403);
  });

  describe('three national schemes', () => {
    let china: EcoLabelSchemeResponse;
    let japan: EcoLabelSchemeResponse;
    let korea: EcoLabelSchemeResponse;
    let paper: ProductCategoryResponse;

    beforeAll(async () => {
      const create = async (body: object) => {
        const response = await send('post', '/api/eco-labels/schemes', body);
        expect(response.status).toBe(201);
        return response.body as EcoLabelSchemeResponse;
      };
      china = await create({
        name: 'China Environmental Labelling',
        localName: '中国环境标志',
        country: 'CN',
        operator: 'China Environmental United Certification Center',
        establishedYear: 1993,
        website: 'https://www.mee.gov.cn/',
      });
      japan = await create({
        name: 'Eco Mark',
        localName: 'エコマーク',
        country: 'JP',
        operator: 'Japan Environment Association',
        establishedYear: 1989,
        website: 'https://www.ecomark.jp/',
      });
      korea = await create({
        name: 'Korea Eco-Label',
        localName: '환경표지',
        country: 'KR',
        operator: 'Korea Environmental Industry and Technology Institute',
        establishedYear: 1992,
        visibility: 'network',
      });
      const category = await send('post', '/api/eco-labels/categories', {
        code: 'copy_paper',
        name: 'Copy paper',
        description: 'Printing and copying paper',
      });
      expect(category.status).toBe(201);
      paper = category.body;
    });

    it('validates bodies with field details, keeps names and codes unique, and opens a room per scheme', async () => {
      const bad = await send('post', '/api/eco-labels/schemes', {
        name: 'x',
        country: 'ZZ',
        operator: '',
        establishedYear: 1800,
        website: 'javascript:alert(1)',
        visibility: 'group',
      });
      expect(bad.status).toBe(400);
      expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
        new Set(['name', 'country', 'operator', 'establishedYear', 'website', 'visibility']),
      );
      const dup = await send('post', '/api/eco-labels/schemes', { name: 'Eco Mark', country: 'JP', operator: 'x y' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('SCHEME_NAME_TAKEN');
      const dupCategory = await send('post', '/api/eco-labels/categories', { code: 'copy_paper', name: 'Paper' });
      expect(dupCategory.status).toBe(409);
      expect((await send('post', '/api/eco-labels/categories', { code: 'Copy Paper', name: 'Paper' })).status).toBe(
        400,
      );

      expect(japan.roomId).toEqual(expect.any(String));
      const room = await get(`/api/rooms/${japan.roomId}`, member);
      expect(room.status).toBe(200);
      expect(room.body).toMatchObject({ kind: 'topic', name: 'Eco-label: Eco Mark' });
      const audit = await sql(t.databaseUrl, 'SELECT action FROM audit_entries WHERE target_id = $1', [japan.id]);
      expect(audit).toEqual([{ action: 'eco_label_record.created' }]);
    });

    it('public schemes are open to anonymous visitors; network schemes to members only', async () => {
      const anonymous = await get('/api/eco-labels/schemes');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.items.map((s: EcoLabelSchemeResponse) => s.name)).toEqual([
        'China Environmental Labelling',
        'Eco Mark',
      ]);
      expect(anonymous.body.items[0]).toMatchObject({ roomId: null, canEdit: false });
      expect((await get(`/api/eco-labels/schemes/${korea.id}`)).status).toBe(404);
      expect((await get(`/api/eco-labels/schemes/${korea.id}`, member)).status).toBe(200);
      expect((await get('/api/eco-labels/schemes?country=KR', member)).body.items).toHaveLength(1);
    });

    it('criteria per product category and certification steps, replaced as a whole', async () => {
      const criteria = (extra: string) => ({
        standardCode: extra,
        criteria: [
          { aspect: 'resources', title: 'Recycled pulp', requirement: 'At least 70 % recycled pulp' },
          { aspect: 'hazardous_substances', title: 'Bleaching', requirement: 'Elemental-chlorine-free bleaching' },
        ],
      });
      const cn = await send(
        'put',
        `/api/eco-labels/schemes/${china.id}/categories/${paper.id}`,
        criteria('HJ 410-2008'),
      );
      expect(cn.status).toBe(200);
      expect(cn.body).toMatchObject({ standardCode: 'HJ 410-2008', category: { code: 'copy_paper' } });
      expect(cn.body.criteria.map((c: { aspect: string }) => c.aspect)).toEqual(['resources', 'hazardous_substances']);
      await send('put', `/api/eco-labels/schemes/${japan.id}/categories/${paper.id}`, {
        standardCode: 'No. 107',
        criteria: [
          { aspect: 'resources', title: 'Recycled pulp', requirement: '100 % waste-paper pulp' },
          { aspect: 'energy', title: 'Production energy', requirement: null },
          { aspect: 'packaging', title: 'Packaging' },
        ],
      }).expect(200);
      // Replacing keeps one row per scheme and category.
      const replaced = await send('put', `/api/eco-labels/schemes/${japan.id}/categories/${paper.id}`, {
        standardCode: 'No. 107 v2',
        criteria: [
          { aspect: 'resources', title: 'Recycled pulp', requirement: '100 % waste-paper pulp' },
          { aspect: 'energy', title: 'Production energy' },
        ],
      });
      expect(replaced.body.criteria).toHaveLength(2);
      await send('put', `/api/eco-labels/schemes/${korea.id}/categories/${paper.id}`, criteria('EL 201')).expect(200);
      const bad = await send('put', `/api/eco-labels/schemes/${japan.id}/categories/${paper.id}`, {
        criteria: [{ aspect: 'beauty', title: '' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'criteria[0].aspect',
        'criteria[0].title',
      ]);
      expect(
        (await send('put', `/api/eco-labels/schemes/${japan.id}/categories/${UNKNOWN_ID}`, { criteria: [] })).status,
      ).toBe(404);

      const steps = await send('put', `/api/eco-labels/schemes/${japan.id}/steps`, {
        steps: [
          { title: 'Application', durationDays: 1 },
          { title: 'Document review and testing', durationDays: 30 },
          { title: 'Licence contract', description: 'Use of the mark is licensed' },
        ],
      });
      expect(steps.status).toBe(200);
      expect(
        steps.body.certificationSteps.map((s: { position: number; title: string }) => [s.position, s.title]),
      ).toEqual([
        [1, 'Application'],
        [2, 'Document review and testing'],
        [3, 'Licence contract'],
      ]);
      expect((await send('put', `/api/eco-labels/schemes/${japan.id}/steps`, { steps: [] }, member)).status).toBe(403);
    });

    it('mutual recognition: one agreement per pair; comparisons show it beside the criteria', async () => {
      const same = await send('post', '/api/eco-labels/recognitions', { schemeIds: [japan.id, japan.id] });
      expect(same.status).toBe(400);
      expect(same.body.code).toBe('SAME_SCHEME');
      const created = await send('post', '/api/eco-labels/recognitions', {
        schemeIds: [korea.id, japan.id],
        signedYear: 2005,
        description: 'Mutual recognition of test results',
        categoryIds: [paper.id],
      });
      expect(created.status).toBe(201);
      const again = await send('post', '/api/eco-labels/recognitions', { schemeIds: [japan.id, korea.id] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RECOGNITION_EXISTS');
      await send('post', '/api/eco-labels/recognitions', { schemeIds: [china.id, japan.id], signedYear: 2006 }).expect(
        201,
      );

      const comparison = await get(`/api/eco-labels/categories/${paper.id}/comparison`, member);
      expect(comparison.status).toBe(200);
      const body = comparison.body as CategoryComparisonResponse;
      expect(body.schemes.map((s) => [s.scheme.name, s.standardCode, s.criteria.length])).toEqual([
        ['China Environmental Labelling', 'HJ 410-2008', 2],
        ['Eco Mark', 'No. 107 v2', 2],
        ['Korea Eco-Label', 'EL 201', 2],
      ]);
      const eco = body.schemes.find((s) => s.scheme.id === japan.id)!;
      expect(new Set(eco.recognizedSchemeIds)).toEqual(new Set([korea.id, china.id]));
      expect(eco.certificationSteps).toHaveLength(3);
      expect(body.aspects).toEqual([
        { aspect: 'energy', schemeIds: [japan.id] },
        { aspect: 'resources', schemeIds: [china.id, japan.id, korea.id] },
        { aspect: 'hazardous_substances', schemeIds: [china.id, korea.id] },
      ]);

      // Anonymous visitors compare public schemes only, and see no agreement with a network scheme.
      const anonymous = (await get(`/api/eco-labels/categories/${paper.id}/comparison`))
        .body as CategoryComparisonResponse;
      expect(anonymous.schemes.map((s) => s.scheme.id)).toEqual([china.id, japan.id]);
      expect(anonymous.schemes.find((s) => s.scheme.id === japan.id)!.recognizedSchemeIds).toEqual([china.id]);
      const chosen = await get(
        `/api/eco-labels/categories/${paper.id}/comparison?schemeIds=${japan.id},${korea.id}`,
        member,
      );
      expect((chosen.body as CategoryComparisonResponse).schemes.map((s) => s.scheme.id)).toEqual([japan.id, korea.id]);
      expect((await get(`/api/eco-labels/categories/${paper.id}/comparison?schemeIds=nope`)).status).toBe(400);

      const scheme = (await get(`/api/eco-labels/schemes/${japan.id}`, member)).body as EcoLabelSchemeResponse;
      expect(scheme.recognitions).toHaveLength(2);
      expect(scheme.categories[0]).toMatchObject({ standardCode: 'No. 107 v2' });
      const listed = await get(`/api/eco-labels/recognitions?schemeId=${korea.id}`);
      expect(listed.body.items).toEqual([]);
      expect((await get(`/api/eco-labels/recognitions?schemeId=${korea.id}`, member)).body.items).toHaveLength(1);

      expect(
        (
          await t
            .http()
            .delete(`/api/eco-labels/recognitions/${created.body.id}`)
            .set('Authorization', coordinator.auth)
        ).status,
      ).toBe(204);
      expect(
        (
          await t
            .http()
            .delete(`/api/eco-labels/recognitions/${created.body.id}`)
            .set('Authorization', coordinator.auth)
        ).status,
      ).toBe(404);
    });

    it('deletes a scheme with everything under it and archives its room', async () => {
      const doomed = await send('post', '/api/eco-labels/schemes', {
        name: 'Old Label',
        country: 'MN',
        operator: 'Nobody',
      });
      expect(doomed.status).toBe(201);
      expect(
        (await t.http().delete(`/api/eco-labels/schemes/${doomed.body.id}`).set('Authorization', member.auth)).status,
      ).toBe(403);
      expect(
        (await t.http().delete(`/api/eco-labels/schemes/${doomed.body.id}`).set('Authorization', coordinator.auth))
          .status,
      ).toBe(204);
      expect((await get(`/api/eco-labels/schemes/${doomed.body.id}`, member)).status).toBe(404);
      expect((await get(`/api/rooms/${doomed.body.roomId}`, coordinator)).body.archived).toBe(true);
    });

    it('links documents the editor may open; unknown ones are refused', async () => {
      const refused = await send('patch', `/api/eco-labels/schemes/${china.id}`, { documentIds: [UNKNOWN_ID] });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('DOCUMENT_NOT_LINKABLE');
      const document = await t.fx.document(coordinator, {
        title: 'HJ 410-2008 Technical requirement for environmental labeling products: copy paper',
        kind: 'policy',
        visibility: 'public',
        text: 'standard\n',
      });
      const linked = await send('patch', `/api/eco-labels/schemes/${china.id}`, { documentIds: [document.id] });
      expect(linked.status).toBe(200);
      expect(linked.body.documents).toEqual([{ id: document.id, title: expect.stringContaining('HJ 410-2008') }]);
      expect((await get(`/api/eco-labels/schemes/${china.id}`)).body.documents).toHaveLength(1);
    });
  });
});

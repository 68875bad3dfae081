import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import i18n from 'i18next';
import type { CityResponse, ErrorDetail, StrategyResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { detailText } from '../apps/web/src/ui/field-detail-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const common = (language: string) =>
  JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/common.json`, 'utf8')) as {
    fieldMessage: Record<string, string>;
  };

/**
 * The record forms say the API's field details in the reader's language by recognising the validator's sentences
 * (`ui/field-detail-text.ts`). These are the real details of the real routes: when the API's wording changes, this
 * fails instead of the forms quietly falling back to "Not accepted: …".
 */
describe('field details of the record routes, in the reader’s language', () => {
  let app: TestApp;
  let admin: TestMember;
  let city: CityResponse;
  let strategy: StrategyResponse;
  const ru = common('ru').fieldMessage;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.fx.admin();
    city = (
      await app.http().post('/api/cities').set('Authorization', admin.auth).send({ nameEn: 'Darkhan', country: 'MN' })
    ).body as CityResponse;
    strategy = (
      await app
        .http()
        .post(`/api/cities/${city.id}/strategies`)
        .set('Authorization', admin.auth)
        .send({ title: 'Darkhan low-carbon plan', type: 'lcc_strategy' })
    ).body as StrategyResponse;
    await i18n.init({ lng: 'ru', fallbackLng: false, resources: { ru: { common: common('ru') } } });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function details(method: 'patch' | 'post' | 'put', path: string, body: object): Promise<ErrorDetail[]> {
    const response = await app.http()[method](path).set('Authorization', admin.auth).send(body);
    expect(response.status).toBe(400);
    return response.body.details as ErrorDetail[];
  }

  const said = (list: ErrorDetail[], field: string) =>
    list.filter((detail) => detail.field === field).map((detail) => detailText(detail));

  it('says ranges, lengths, whole numbers and web addresses in Russian', async () => {
    const cityDetails = await details('patch', `/api/cities/${city.id}`, {
      latitude: 95,
      areaKm2: -1,
      nameLocal: 'x'.repeat(201),
    });
    expect(said(cityDetails, 'latitude')).toEqual([ru.max.replace('{{max}}', '90')]);
    expect(said(cityDetails, 'areaKm2')).toEqual([ru.min.replace('{{min}}', '0')]);
    expect(said(cityDetails, 'nameLocal')).toEqual([ru.maxLength.replace('{{length}}', '200')]);

    const yearDetails = await details('patch', `/api/strategies/${strategy.id}`, { adoptionYear: 2015.5 });
    expect(said(yearDetails, 'adoptionYear')).toContain(ru.integer);

    const scheme = await details('post', '/api/eco-labels/schemes', {
      name: 'Mongolian Eco Label',
      country: 'MN',
      operator: 'Ministry',
      website: 'www.example.mn',
    });
    expect(said(scheme, 'website')).toEqual([ru.url]);
  });

  it('says the cross-field rules of targets, actions and inventories in Russian', async () => {
    const target = await details('post', `/api/strategies/${strategy.id}/targets`, {
      type: 'base_year',
      baseYear: 2030,
      targetYear: 2020,
    });
    expect(said(target, 'targetYear')).toEqual([ru.afterBaseYear]);
    expect(said(target, 'reductionPercent')).toEqual([ru.requiredForType]);

    const action = await details('post', `/api/strategies/${strategy.id}/actions`, {
      title: 'Insulation',
      cost: 10,
      costCurrency: 'XYZ',
    });
    expect(said(action, 'costCurrency')).toEqual([ru.currency]);
    const period = await details('post', `/api/strategies/${strategy.id}/actions`, {
      title: 'Insulation',
      startYear: 2025,
      endYear: 2020,
      cost: 10,
    });
    expect(said(period, 'endYear')).toEqual([ru.notBefore]);
    expect(said(period, 'costCurrency')).toEqual([ru.currencyWithCost]);

    const entry = { sector: 'waste', scope: 'scope_1', quality: 'verified', source: 'report' };
    const inventory = await details('post', `/api/cities/${city.id}/inventories`, {
      year: 2020,
      entries: [entry, { ...entry, value: 1 }, { ...entry, value: 2 }],
    });
    expect(said(inventory, 'entries[0]')).toEqual([ru.valueOrKey]);
    expect(said(inventory, 'entries[2]')).toEqual([ru.duplicateCell]);
  });

  it('gives anything unrecognised with the API’s own words after a translated lead', () => {
    expect(detailText({ field: 'x', message: 'something new' })).toBe(ru.other.replace('{{message}}', 'something new'));
  });
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CityResponse, EcoLabelSchemeResponse, ProductCategoryResponse, StrategyResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';
import { TEST_ADMIN } from './support/test-app.js';

type Catalogue = Record<string, Record<string, string>>;

function catalogue(language: string, namespace: string): Catalogue {
  return JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/${namespace}.json`, 'utf8')) as Catalogue;
}

describeInBrowser('web portal: cities, comparisons and the eco-label registry', () => {
  let portal: BrowserPortal;
  let admin: TestMember;
  let kitakyushu: CityResponse;
  let ulaanbaatar: CityResponse;
  let erdenet: CityResponse;
  let strategy: StrategyResponse;
  let paper: ProductCategoryResponse;
  let documentId: string;

  const post = async <T>(path: string, body: object): Promise<T> => {
    const response = await portal.http().post(path).set('Authorization', admin.auth).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as T;
  };

  const entry = (sector: string, scope: string, value: number | null, notationKey: string | null = null) => ({
    sector,
    scope,
    value,
    notationKey,
    quality: 'verified',
    source: 'City GHG inventory report',
  });

  beforeAll(async () => {
    portal = await startBrowserPortal();
    admin = await portal.fx.admin();
    kitakyushu = await post('/api/cities', {
      nameEn: 'Kitakyushu',
      nameLocal: '北九州',
      country: 'JP',
      visibility: 'public',
      description: 'Former industrial city turned environmental model city.',
    });
    ulaanbaatar = await post('/api/cities', {
      nameEn: 'Ulaanbaatar',
      nameLocal: 'Улаанбаатар',
      country: 'MN',
      visibility: 'public',
    });
    erdenet = await post('/api/cities', { nameEn: 'Erdenet', nameLocal: 'Эрдэнэт', country: 'MN' });
    strategy = await post(`/api/cities/${kitakyushu.id}/strategies`, {
      title: 'Green Frontier Plan',
      type: 'climate_action_plan',
      adoptionYear: 2016,
      periodStart: 2016,
      periodEnd: 2030,
      status: 'implementing',
      visibility: 'public',
      targets: [
        // Base 1000 → 600 in 2030; the straight path is 800 in 2020, measured 700: on track.
        { type: 'base_year', baseYear: 2010, baseValue: 1000, targetYear: 2030, reductionPercent: 40 },
        // Transport 400 → 200; path 300 in 2020, measured 340: off track.
        { type: 'base_year', sectors: ['transport'], baseYear: 2010, targetYear: 2030, reductionPercent: 50 },
      ],
      actions: [
        {
          title: 'LED street lighting',
          sector: 'stationary_energy',
          status: 'ongoing',
          startYear: 2017,
          endYear: 2022,
          cost: 1200000000,
          costCurrency: 'JPY',
          expectedReduction: 15000,
        },
      ],
    });
    const document = await portal
      .http()
      .post('/api/documents')
      .set('Authorization', admin.auth)
      .field('title', 'Kitakyushu Green Frontier Plan (full text)')
      .field('kind', 'strategy')
      .field('visibility', 'public')
      .attach('file', Buffer.from('plan\n'), { filename: 'plan.txt', contentType: 'text/plain' });
    expect(document.status).toBe(201);
    documentId = document.body.id;
    const linked = await portal
      .http()
      .patch(`/api/strategies/${strategy.id}`)
      .set('Authorization', admin.auth)
      .send({ documentIds: [documentId] });
    expect(linked.status).toBe(200);
    for (const [year, energy, transport] of [
      [2010, 600, 400],
      [2020, 360, 340],
    ] as const) {
      await post(`/api/cities/${kitakyushu.id}/inventories`, {
        year,
        methodology: 'GPC BASIC',
        visibility: 'public',
        entries: [
          entry('stationary_energy', 'scope_1', energy / 2),
          entry('stationary_energy', 'scope_2', energy / 2),
          entry('transport', 'scope_1', transport),
          entry('ippu', 'scope_1', null, 'NE'),
        ],
      });
    }
    const source = 'City GHG inventories (demo)';
    const csv = [
      'indicator,country,city_id,city,year,value,unit,source,quality,visibility',
      `total_ghg,JP,${kitakyushu.id},,2010,1000,tCO2e,${source},verified,public`,
      `total_ghg,JP,${kitakyushu.id},,2015,890,tCO2e,${source},verified,public`,
      `total_ghg,JP,${kitakyushu.id},,2020,700,tCO2e,${source},verified,public`,
      `total_ghg,MN,,Ulaanbaatar,2010,8000,tCO2e,${source},self_reported,public`,
      `total_ghg,MN,,Ulaanbaatar,2015,9800,tCO2e,${source},self_reported,public`,
      `total_ghg,MN,,Ulaanbaatar,2020,10400,tCO2e,${source},self_reported,public`,
      `population,JP,${kitakyushu.id},,2020,940000,persons,Census,verified,public`,
      `total_ghg,MN,,,2010,20000000,tCO2e,National inventory (demo),verified,public`,
      `total_ghg,MN,,,2020,25000000,tCO2e,National inventory (demo),verified,public`,
    ].join('\n');
    const imported = await portal
      .http()
      .post('/api/indicator-values/import')
      .set('Authorization', admin.auth)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(200);
    await post('/api/reported-changes', {
      indicator: 'total_ghg',
      cityId: ulaanbaatar.id,
      startYear: 2010,
      endYear: 2020,
      kind: 'annual_rate',
      valuePercent: 2.7,
      source: 'UNESCAP / NEASPEC report',
      quality: 'verified',
    });

    paper = await post('/api/eco-labels/categories', { code: 'copy_paper', name: 'Copy paper' });
    const schemes: EcoLabelSchemeResponse[] = [];
    for (const [name, country, operator, standardCode, requirement] of [
      ['Eco Mark', 'JP', 'Japan Environment Association', 'No. 107', '100 % waste-paper pulp'],
      ['Korea Eco-Label', 'KR', 'Korea Environmental Industry and Technology Institute', 'EL 201', 'At least 70 %'],
    ]) {
      const scheme = await post<EcoLabelSchemeResponse>('/api/eco-labels/schemes', { name, country, operator });
      const criteria = await portal
        .http()
        .put(`/api/eco-labels/schemes/${scheme.id}/categories/${paper.id}`)
        .set('Authorization', admin.auth)
        .send({
          standardCode,
          criteria: [
            { aspect: 'resources', title: 'Recycled pulp', requirement },
            { aspect: 'hazardous_substances', title: 'Bleaching', requirement: 'Elemental-chlorine-free' },
          ],
        });
      expect(criteria.status).toBe(200);
      schemes.push(scheme);
    }
    await post('/api/eco-labels/recognitions', {
      schemeIds: schemes.map((scheme) => scheme.id),
      signedYear: 2015,
      status: 'active',
    });
  }, 240_000);

  afterAll(async () => {
    await portal?.close();
  });

  const openPage = async (options: { locale?: string; width?: number } = {}): Promise<Page> =>
    (await portal.context(options)).newPage();

  it('shows a city with its target progress, actions and inventory chart, in English and in Russian', async () => {
    const en = catalogue('en', 'cities');
    const page = await openPage({ locale: 'en-GB' });
    await portal.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Cities', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.directory.title }).waitFor();
    await page.getByRole('link', { name: 'Kitakyushu' }).click();
    await page.getByRole('heading', { level: 1, name: /Kitakyushu/ }).waitFor();
    expect(await page.locator('h1 [lang="ja"]').textContent()).toBe('北九州');

    const plan = page.getByRole('region', { name: 'Green Frontier Plan' });
    await plan.getByText(en.progress.on_track, { exact: true }).waitFor();
    await expect(plan.getByText(en.progress.off_track, { exact: true }).count()).resolves.toBe(1);
    // The numbers behind the verdict: base, target level, latest inventory and the straight path.
    await expect(plan.locator('.target', { hasText: '−40 %' }).textContent()).resolves.toMatch(
      /1,000 tCO2e \(2010\).*600 tCO2e/,
    );
    await expect(plan.getByRole('progressbar').count()).resolves.toBe(2);
    expect(await plan.getByRole('link', { name: en.strategy.discuss }).getAttribute('href')).toBe(
      `/rooms/${strategy.roomId}`,
    );
    await plan.getByRole('cell', { name: /LED street lighting/ }).waitFor();

    const inventories = page.getByRole('region', { name: en.inventory.title });
    await inventories.locator('canvas').waitFor();
    expect(await inventories.locator('canvas').getAttribute('aria-label')).toContain('Kitakyushu');
    await inventories.getByRole('table', { name: en.inventory.tableCaption }).waitFor();
    const indicators = page.getByRole('region', { name: en.indicators.title });
    await indicators.locator('canvas').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'city');

    const ru = catalogue('ru', 'cities');
    await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption('ru');
    await page.getByRole('heading', { level: 2, name: ru.strategy.title }).waitFor();
    await plan.getByText(ru.progress.on_track, { exact: true }).waitFor();
    await page.getByRole('region', { name: ru.inventory.title }).locator('canvas').waitFor();
    await expect(
      page.getByRole('link', { name: catalogue('ru', 'common').nav.ecoLabels, exact: true }).count(),
    ).resolves.toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'city-ru');
  });

  it('an anonymous visitor sees a public city, but a network city is not found', async () => {
    const page = await openPage();
    await page.goto('/cities');
    await page.getByRole('link', { name: 'Ulaanbaatar' }).waitFor();
    await expect(page.getByRole('link', { name: 'Erdenet' }).count()).resolves.toBe(0);
    // Filtered by country through the form; the choice stays in the address.
    await page.getByLabel(catalogue('en', 'cities').directory.country).selectOption('JP');
    await page.getByRole('button', { name: catalogue('en', 'cities').directory.apply }).click();
    await page.waitForURL(/country=JP/);
    await page.getByRole('link', { name: 'Kitakyushu' }).waitFor();
    await page.getByRole('link', { name: 'Ulaanbaatar' }).waitFor({ state: 'detached' });
    await page.goto(`/cities/${kitakyushu.id}`);
    await page.getByRole('heading', { level: 1, name: /Kitakyushu/ }).waitFor();
    // No discussion room for visitors.
    await page.getByText(catalogue('en', 'cities').progress.on_track, { exact: true }).waitFor();
    await expect(page.getByRole('link', { name: catalogue('en', 'cities').strategy.discuss }).count()).resolves.toBe(0);
    // Linked public documents open from the strategy.
    expect(
      await page.getByRole('link', { name: 'Kitakyushu Green Frontier Plan (full text)' }).getAttribute('href'),
    ).toBe(`/documents/${documentId}`);
    await page.goto(`/cities/${erdenet.id}`);
    await page
      .getByRole('alert')
      .getByText(catalogue('en', 'common').errors.notFound as unknown as string)
      .waitFor();
  });

  it('compares an indicator across two cities: chart, computed and reported changes, and a CSV of the selection', async () => {
    const en = catalogue('en', 'cities');
    const page = await openPage();
    await page.goto('/compare');
    await page.getByRole('heading', { level: 1, name: en.compare.title }).waitFor();
    await page.getByLabel(en.compare.indicator, { exact: true }).selectOption('total_ghg');
    await page.getByRole('checkbox', { name: /Kitakyushu/ }).check();
    await page.getByRole('checkbox', { name: /Ulaanbaatar/ }).check();
    await page.getByLabel(en.compare.fromYear).fill('2010');
    await page.getByLabel(en.compare.toYear).fill('2020');
    await page.getByRole('button', { name: en.compare.submit, exact: true }).click();
    await page.waitForURL(/indicator=total_ghg/);

    const results = page.getByRole('region', { name: /Total GHG emissions/ });
    await results.locator('canvas').waitFor();
    expect(await results.locator('canvas').getAttribute('aria-label')).toMatch(
      /Kitakyushu.*Ulaanbaatar|Ulaanbaatar.*Kitakyushu/,
    );
    const kitaRow = results.getByRole('row', { name: /Kitakyushu/ }).last();
    // 1000 → 700 over 2010–2020: −30 % in total, −3.5 % a year.
    await expect(kitaRow.textContent()).resolves.toMatch(/-30 %.*-3\.5 % a year/);
    const ubRow = results.getByRole('row', { name: /Ulaanbaatar/ }).last();
    await expect(ubRow.textContent()).resolves.toMatch(/\+30 %/);
    await expect(ubRow.textContent()).resolves.toContain('UNESCAP / NEASPEC report');
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'compare');

    const download = page.waitForEvent('download');
    await results.getByRole('button', { name: en.compare.export }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^total_ghg-.*\.csv$/);
    const path = await file.path();
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,country,city_id,city,year,value,unit,source,quality,visibility');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['total_ghg']));
    expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['Kitakyushu', 'Ulaanbaatar']));

    // Per capita: divided by the same year's population (Kitakyushu has one for 2020, Ulaanbaatar none yet).
    await page.getByLabel(en.compare.basis).selectOption('per_capita');
    await page.getByRole('button', { name: en.compare.submit, exact: true }).click();
    await page.waitForURL(/basis=per_capita/);
    const perCapita = page.getByRole('table', { name: /tCO2e\/person/ });
    await expect(perCapita.getByRole('row', { name: /Kitakyushu/ }).textContent()).resolves.toContain('0.000745');
    // A reversed year range is caught before anything is asked.
    await page.getByLabel(en.compare.toYear).fill('2005');
    await page.getByText(en.compare.yearOrder).waitFor();
  });

  it('compares a country’s national figures with the change computed over the chosen years', async () => {
    const en = catalogue('en', 'cities');
    const page = await openPage();
    await page.goto('/compare');
    await page.getByLabel(en.compare.indicator, { exact: true }).selectOption('total_ghg');
    await page.getByRole('checkbox', { name: 'Mongolia', exact: true }).check();
    await page.getByLabel(en.compare.fromYear).fill('2010');
    await page.getByLabel(en.compare.toYear).fill('2020');
    await page.getByRole('button', { name: en.compare.submit, exact: true }).click();
    const row = page.getByRole('row', { name: /Mongolia/ }).last();
    // 20 → 25 million over ten years: +25 % in total, +2.26 % a year.
    await expect(row.textContent()).resolves.toMatch(/25,000,000\+25 %\+2\.26 % a year/);
    await page.locator('canvas').waitFor();
    // The same comparison in Chinese: translated page, the chart drawn again, numbers in the reader's language.
    const zh = catalogue('zh', 'cities');
    await page.getByRole('combobox', { name: /Language|语言/ }).selectOption('zh');
    await page.getByRole('heading', { level: 1, name: zh.compare.title }).waitFor();
    await page.getByRole('columnheader', { name: zh.compare.cagr }).first().waitFor();
    await page.locator('canvas').waitFor();
    await expect(page.getByRole('row', { name: /蒙古/ }).last().textContent()).resolves.toContain('+25');
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'compare-zh');
  });

  it('compares two eco-label schemes side by side for one product category', async () => {
    const en = catalogue('en', 'ecolabels');
    const page = await openPage();
    await page.goto('/eco-labels');
    await page.getByRole('heading', { level: 1, name: en.registry.title }).waitFor();
    await page.getByRole('link', { name: 'Eco Mark' }).waitFor();
    await portal.screenshot(page, 'eco-labels-registry');
    await page.getByRole('region', { name: en.registry.compareTitle }).getByRole('button').click();
    await page.waitForURL(/\/eco-labels\/compare\?categoryId=/);
    const table = page.getByRole('table', { name: /Copy paper/ });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Eco Mark', 'Korea Eco-Label']);
    await table.getByRole('cell', { name: /100 % waste-paper pulp/ }).waitFor();
    await table.getByRole('cell', { name: /At least 70 %/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'eco-labels');
  });

  it('lets the city editor check a CSV first, shows problems row by row, then imports it', async () => {
    const en = catalogue('en', 'cities');
    // The editor reads English: an earlier test saved another language to this account, which sign-in applies.
    const admin = await portal.fx.admin();
    await portal.http().patch('/api/members/me').set('Authorization', admin.auth).send({ language: 'en' }).expect(200);
    const page = await openPage();
    await portal.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/cities/${ulaanbaatar.id}`);
    const form = page.getByRole('region', { name: en.import.title });
    const header = 'indicator,country,city_id,city,year,value,unit,source,quality,visibility';
    const good = 'population,MN,,Ulaanbaatar,2020,1539810,persons,National Statistics Office,verified,public';
    await form
      .getByLabel(en.import.text)
      .fill([header, good, 'total_ghg,MN,,Ulaanbaatar,2021,1,ktCO2e,x,verified,'].join('\n'));
    await form.getByRole('button', { name: en.import.check }).click();
    const problems = form.getByRole('table', { name: en.import.problems });
    await problems.getByRole('rowheader', { name: 'row 3: unit' }).waitFor();
    await expect(form.getByRole('button', { name: en.import.import, exact: true }).isDisabled()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByLabel(en.import.text).fill([header, good].join('\n'));
    await form.getByRole('button', { name: en.import.check }).click();
    await form.getByText(en.import.checked_one.replace('{{count}}', '1')).waitFor();
    // The dry run stored nothing.
    const before = await portal.http().get(`/api/indicator-values?indicator=population&cityId=${ulaanbaatar.id}`);
    expect(before.body.items).toEqual([]);
    await form.getByRole('button', { name: en.import.import, exact: true }).click();
    await form.getByText(en.import.done.replace('{{created}}', '1').replace('{{updated}}', '0')).waitFor();
    const after = await portal.http().get(`/api/indicator-values?indicator=population&cityId=${ulaanbaatar.id}`);
    expect(after.body.items).toEqual([expect.objectContaining({ year: 2020, value: 1539810 })]);
    // The page shows the new figure at once.
    await page.getByText('1,539,810 (2020)').waitFor();
  });

  it('shows a scheme page with its operator, criteria and mutual recognition', async () => {
    const en = catalogue('en', 'ecolabels');
    const page = await openPage({ locale: 'ko-KR' });
    await page.goto('/eco-labels');
    const ko = catalogue('ko', 'ecolabels');
    await page.getByRole('heading', { level: 1, name: ko.registry.title }).waitFor();
    await page.getByRole('link', { name: 'Eco Mark' }).click();
    await page.getByRole('heading', { level: 1, name: /Eco Mark/ }).waitFor();
    await page.getByText('Japan Environment Association').waitFor();
    const recognitions = page.getByRole('region', { name: ko.scheme.recognitions });
    await recognitions.getByRole('link', { name: 'Korea Eco-Label' }).waitFor();
    await recognitions.getByText(ko.recognitionStatus.active).waitFor();
    await page.getByRole('cell', { name: '100 % waste-paper pulp' }).waitFor();
    expect(en.scheme.recognitions).not.toBe(ko.scheme.recognitions);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works at 360 px on the city and both comparison pages', async () => {
    const page = await openPage({ width: 360 });
    for (const path of [
      `/cities/${kitakyushu.id}`,
      `/compare?indicator=total_ghg&cityIds=${kitakyushu.id},${ulaanbaatar.id}&fromYear=2010&toYear=2020`,
      `/eco-labels/compare?categoryId=${paper.id}`,
    ]) {
      await page.goto(path);
      await page.locator('canvas, table').first().waitFor();
      expect({ path, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({
        path,
        width: 360,
      });
    }
  });
});

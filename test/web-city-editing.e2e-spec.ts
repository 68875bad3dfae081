import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type {
  CityResponse,
  EcoLabelSchemeResponse,
  InventoryResponse,
  Page as ListPage,
  StrategyResponse,
} from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

type Catalogue = Record<string, Record<string, string & Record<string, string>>>;

function catalogue(language: string, namespace: string): Catalogue {
  return JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/${namespace}.json`, 'utf8')) as Catalogue;
}

describeInBrowser(
  'web portal: the coordinator’s desk (editing city records, eco-label schemes; comparison charts)',
  () => {
    let portal: BrowserPortal;
    let admin: TestMember;
    let focal: TestMember;
    let coordinator: TestMember;
    let ulaanbaatar: CityResponse;
    let kitakyushu: CityResponse;
    let erdenet: CityResponse;
    let scheme: EcoLabelSchemeResponse;
    let korea: EcoLabelSchemeResponse;

    const post = async <T>(path: string, body: object): Promise<T> => {
      const response = await portal.http().post(path).set('Authorization', admin.auth).send(body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as T;
    };
    const get = async <T>(path: string): Promise<T> => {
      const response = await portal.http().get(path).set('Authorization', admin.auth);
      expect(response.status).toBe(200);
      return response.body as T;
    };

    beforeAll(async () => {
      portal = await startBrowserPortal();
      admin = await portal.fx.admin();
      // A city official of Ulaanbaatar who reads Mongolian, and a secretariat coordinator who reads Japanese.
      focal = await portal.fx.member({ displayName: 'Batbayar Dorj', country: 'MN', language: 'mn' });
      coordinator = await portal.fx.member({ role: 'coordinator', displayName: 'Sato Yuki', language: 'ja' });
      ulaanbaatar = await post('/api/cities', {
        nameEn: 'Ulaanbaatar',
        nameLocal: 'Улаанбаатар',
        country: 'MN',
        visibility: 'public',
      });
      kitakyushu = await post('/api/cities', {
        nameEn: 'Kitakyushu',
        nameLocal: '北九州',
        country: 'JP',
        visibility: 'public',
      });
      erdenet = await post('/api/cities', {
        nameEn: 'Erdenet',
        nameLocal: 'Эрдэнэт',
        country: 'MN',
        visibility: 'public',
      });
      const members = await portal
        .http()
        .put(`/api/cities/${ulaanbaatar.id}/members`)
        .set('Authorization', admin.auth)
        .send({ focalPointIds: [focal.id], organizationIds: [] });
      expect(members.status).toBe(200);
      await post(`/api/cities/${ulaanbaatar.id}/inventories`, {
        year: 2015,
        visibility: 'public',
        entries: [
          {
            sector: 'stationary_energy',
            scope: 'scope_1',
            value: 4000,
            quality: 'verified',
            source: 'GHG report 2015',
          },
        ],
      });
      // Uneven years: 2013, 2015 and 2020 must stand 2 and 5 years apart on the chart, not in three equal steps.
      const source = 'City GHG inventories (demo)';
      const csv = [
        'indicator,country,city_id,city,year,value,unit,source,quality,visibility',
        `total_ghg,JP,${kitakyushu.id},,2013,1000,tCO2e,${source},verified,public`,
        `total_ghg,JP,${kitakyushu.id},,2015,900,tCO2e,${source},verified,public`,
        `total_ghg,JP,${kitakyushu.id},,2020,700,tCO2e,${source},verified,public`,
        `population,JP,${kitakyushu.id},,2020,940000,persons,Census,verified,public`,
        `total_ghg,MN,${ulaanbaatar.id},,2013,80000,tCO2e,${source},self_reported,public`,
        `total_ghg,MN,${ulaanbaatar.id},,2020,104000,tCO2e,${source},self_reported,public`,
      ].join('\n');
      const imported = await portal
        .http()
        .post('/api/indicator-values/import')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(imported.status).toBe(200);
      scheme = await post<EcoLabelSchemeResponse>('/api/eco-labels/schemes', {
        name: 'Eco Mark',
        localName: 'エコマーク',
        country: 'JP',
        operator: 'Japan Environment Association',
      });
      await post('/api/eco-labels/categories', { code: 'copy_paper', name: 'Copy paper' });
      korea = await post<EcoLabelSchemeResponse>('/api/eco-labels/schemes', {
        name: 'Korea Eco-Label',
        country: 'KR',
        operator: 'KEITI',
      });
    }, 240_000);

    afterAll(async () => {
      await portal?.close();
    });

    const signedIn = async (member: TestMember, locale = 'en-GB'): Promise<Page> => {
      const page = await (await portal.context({ locale })).newPage();
      await portal.signIn(page, member.email, member.password);
      return page;
    };

    it('a focal point reading Mongolian edits the city, adds a strategy with a target and an action, an inventory and a figure', async () => {
      const mn = catalogue('mn', 'cities');
      const mnCommon = catalogue('mn', 'common');
      const page = await signedIn(focal);
      await page.goto(`/cities/${ulaanbaatar.id}`);

      // The city's record: a latitude out of range is named in Mongolian and nothing is sent.
      await page.getByRole('button', { name: mn.edit.editCity }).click();
      const cityForm = page.getByRole('form', { name: mn.edit.cityTitle });
      await cityForm.getByLabel(mn.edit.latitude, { exact: true }).fill('95');
      await cityForm.getByLabel(mn.edit.area, { exact: true }).fill('4704.4');
      await cityForm.getByLabel(mn.edit.description, { exact: true }).fill('Монгол Улсын нийслэл.');
      await cityForm.getByRole('button', { name: mn.edit.save }).click();
      await cityForm.getByText(mnCommon.fieldMessage.max.replace('{{max}}', '90')).waitFor();
      expect((await get<CityResponse>(`/api/cities/${ulaanbaatar.id}`)).areaKm2).toBeNull();
      await cityForm.getByLabel(mn.edit.latitude, { exact: true }).fill('47.9184');
      await cityForm.getByRole('button', { name: mn.edit.save }).click();
      await cityForm.waitFor({ state: 'detached' });
      await page.getByText('Монгол Улсын нийслэл.').waitFor();
      expect(await get<CityResponse>(`/api/cities/${ulaanbaatar.id}`)).toMatchObject({
        areaKm2: 4704.4,
        latitude: 47.9184,
        description: 'Монгол Улсын нийслэл.',
      });

      // A strategy.
      await page.getByRole('button', { name: mn.edit.addStrategy }).click();
      const strategyForm = page.getByRole('form', { name: mn.edit.addStrategy });
      await strategyForm
        .getByLabel(mn.edit.strategyTitle, { exact: true })
        .fill('Улаанбаатар хотын ногоон хөгжлийн төлөвлөгөө');
      await strategyForm.getByLabel(mn.edit.periodStart, { exact: true }).fill('2020');
      await strategyForm.getByLabel(mn.edit.periodEnd, { exact: true }).fill('2018');
      await strategyForm.getByRole('button', { name: mn.edit.save }).click();
      await strategyForm.getByText(mn.edit.periodOrder).waitFor();
      await strategyForm.getByLabel(mn.edit.periodEnd, { exact: true }).fill('2030');
      await strategyForm.getByRole('button', { name: mn.edit.save }).click();
      const plan = page.getByRole('region', { name: 'Улаанбаатар хотын ногоон хөгжлийн төлөвлөгөө' });
      await plan.waitFor();
      const strategies = await get<ListPage<StrategyResponse>>(`/api/cities/${ulaanbaatar.id}/strategies`);
      expect(strategies.items).toHaveLength(1);
      const strategyId = strategies.items[0].id;
      expect(strategies.items[0]).toMatchObject({ periodStart: 2020, periodEnd: 2030, visibility: 'public' });

      // A base-year target: the reduction it needs is asked for before anything is sent.
      await plan.getByRole('button', { name: mn.edit.addTarget }).click();
      const targetForm = page.getByRole('form', { name: mn.edit.addTarget });
      await targetForm.getByLabel(mn.edit.baseYear, { exact: true }).fill('2013');
      await targetForm.getByLabel(mn.edit.targetYear, { exact: true }).fill('2030');
      await targetForm.getByRole('button', { name: mn.edit.save }).click();
      await targetForm.getByText(mn.edit.requiredForType).waitFor();
      await targetForm.getByLabel(mn.edit.reductionPercent, { exact: true }).fill('30');
      await targetForm.getByRole('checkbox', { name: mn.sector.transport }).check();
      await targetForm.getByRole('button', { name: mn.edit.save }).click();
      await targetForm.waitFor({ state: 'detached' });
      expect((await get<StrategyResponse>(`/api/strategies/${strategyId}`)).targets).toEqual([
        expect.objectContaining({
          type: 'base_year',
          baseYear: 2013,
          targetYear: 2030,
          reductionPercent: 30,
          sectors: ['transport'],
        }),
      ]);

      // The target opens again with its values and is changed in place.
      await plan.getByRole('button', { name: mn.edit.editTarget.replace('{{title}}', '2030') }).click();
      const editTarget = page.getByRole('form', { name: mn.edit.editTargetTitle });
      await expect(editTarget.getByLabel(mn.edit.baseYear, { exact: true }).inputValue()).resolves.toBe('2013');
      await editTarget.getByLabel(mn.edit.reductionPercent, { exact: true }).fill('35');
      await editTarget.getByRole('button', { name: mn.edit.save }).click();
      await editTarget.waitFor({ state: 'detached' });
      expect((await get<StrategyResponse>(`/api/strategies/${strategyId}`)).targets).toEqual([
        expect.objectContaining({ baseYear: 2013, reductionPercent: 35, sectors: ['transport'] }),
      ]);

      // An action: the API refuses an unknown currency, and says so in Mongolian beside the field.
      await plan.getByRole('button', { name: mn.edit.addAction }).click();
      const actionForm = page.getByRole('form', { name: mn.edit.addAction });
      await actionForm.getByLabel(mn.edit.actionTitle, { exact: true }).fill('Гэр хорооллын дулаалга');
      await actionForm.getByLabel(mn.edit.cost, { exact: true }).fill('2500000');
      await actionForm.getByLabel(mn.edit.costCurrency, { exact: true }).fill('XYZ');
      await actionForm.getByRole('button', { name: mn.edit.save }).click();
      await actionForm.getByText(mnCommon.fieldMessage.currency).waitFor();
      expect((await get<StrategyResponse>(`/api/strategies/${strategyId}`)).actions).toEqual([]);
      await actionForm.getByLabel(mn.edit.costCurrency, { exact: true }).fill('MNT');
      await actionForm.getByRole('button', { name: mn.edit.save }).click();
      await actionForm.waitFor({ state: 'detached' });
      await plan.getByRole('cell', { name: /Гэр хорооллын дулаалга/ }).waitFor();
      expect((await get<StrategyResponse>(`/api/strategies/${strategyId}`)).actions).toEqual([
        expect.objectContaining({ title: 'Гэр хорооллын дулаалга', cost: 2500000, costCurrency: 'MNT' }),
      ]);

      // An inventory: a year already reported is refused with the API's code, in Mongolian; another year is stored.
      await page.getByRole('button', { name: mn.edit.addInventory }).click();
      const inventoryForm = page.getByRole('form', { name: mn.edit.addInventory });
      await inventoryForm.getByLabel(mn.inventory.year, { exact: true }).fill('2015');
      const first = inventoryForm.getByRole('listitem', { name: mn.edit.entryRow.replace('{{row}}', '1') });
      await first.getByLabel(mn.edit.entryValue, { exact: true }).fill('5200');
      await first.getByLabel(mn.edit.source, { exact: true }).fill('Хотын ХХЯ тооллого 2020');
      await inventoryForm.getByRole('button', { name: mn.edit.addEntry }).click();
      const second = inventoryForm.getByRole('listitem', { name: mn.edit.entryRow.replace('{{row}}', '2') });
      await second.getByLabel(mn.edit.sector, { exact: true }).selectOption('transport');
      await second.getByLabel(mn.edit.notationKey, { exact: true }).selectOption('NE');
      await inventoryForm.getByRole('button', { name: mn.edit.save }).click();
      await inventoryForm.getByRole('alert').getByText(mnCommon.errorCode.INVENTORY_YEAR_TAKEN).waitFor();
      await inventoryForm.getByLabel(mn.inventory.year, { exact: true }).fill('2020');
      await inventoryForm.getByRole('button', { name: mn.edit.save }).click();
      await inventoryForm.waitFor({ state: 'detached' });
      const inventories = await get<ListPage<InventoryResponse>>(`/api/cities/${ulaanbaatar.id}/inventories`);
      expect(inventories.items.map((item) => item.year)).toEqual([2020, 2015]);
      expect(inventories.items[0]).toMatchObject({ total: 5200, visibility: 'public' });
      expect(inventories.items[0].entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ sector: 'stationary_energy', scope: 'scope_1', value: 5200 }),
          expect.objectContaining({ sector: 'transport', scope: 'scope_1', value: null, notationKey: 'NE' }),
        ]),
      );
      // The stored inventory opens again with its rows and is replaced as a whole.
      await page.getByRole('button', { name: mn.edit.editInventory.replace('{{year}}', '2020') }).click();
      const replaceForm = page.getByRole('form', { name: mn.edit.editInventoryTitle.replace('{{year}}', '2020') });
      const energyRow = replaceForm.getByRole('listitem').filter({ has: page.locator('input[value="5200"]') });
      await energyRow.getByLabel(mn.edit.entryValue, { exact: true }).fill('5300');
      await replaceForm.getByRole('button', { name: mn.edit.save }).click();
      await replaceForm.waitFor({ state: 'detached' });
      const replaced = await get<ListPage<InventoryResponse>>(`/api/cities/${ulaanbaatar.id}/inventories`);
      expect(replaced.items[0]).toMatchObject({ year: 2020, total: 5300 });
      expect(replaced.items[0].entries).toHaveLength(2);
      // The 2015 inventory goes after a second, explicit click.
      await page.getByRole('button', { name: mn.edit.deleteInventory.replace('{{year}}', '2015') }).click();
      await page
        .getByRole('group', { name: mn.edit.deleteInventoryQuestion.replace('{{year}}', '2015') })
        .getByRole('button', { name: mn.edit.confirmDelete })
        .click();
      await page
        .getByRole('button', { name: mn.edit.editInventory.replace('{{year}}', '2015') })
        .waitFor({ state: 'detached' });
      const left = await get<ListPage<InventoryResponse>>(`/api/cities/${ulaanbaatar.id}/inventories`);
      expect(left.items.map((item) => item.year)).toEqual([2020]);

      // A figure of the city's series, in the indicator's own unit, without a CSV file.
      await page.getByRole('button', { name: mn.edit.addValue }).click();
      const valueForm = page.getByRole('form', { name: mn.edit.addValue });
      await valueForm.getByLabel(mn.compare.indicator, { exact: true }).selectOption('population');
      await valueForm.getByLabel(mn.indicators.year, { exact: true }).fill('2020');
      await valueForm.getByLabel(mn.edit.valueIn.replace('{{unit}}', 'persons'), { exact: true }).fill('1,5 сая');
      await valueForm.getByLabel(mn.edit.source, { exact: true }).fill('Үндэсний статистикийн хороо');
      await valueForm.getByRole('button', { name: mn.edit.save }).click();
      await valueForm.getByText(mnCommon.fieldMessage.number).waitFor();
      await valueForm.getByLabel(mn.edit.valueIn.replace('{{unit}}', 'persons'), { exact: true }).fill('1539810');
      await valueForm.getByRole('button', { name: mn.edit.save }).click();
      await valueForm.waitFor({ state: 'detached' });
      const population = await portal.http().get(`/api/indicator-values?indicator=population&cityId=${ulaanbaatar.id}`);
      expect(population.body.items).toEqual([
        expect.objectContaining({ year: 2020, value: 1539810, unit: 'persons', visibility: 'public' }),
      ]);
      expect((await get<CityResponse>(`/api/cities/${ulaanbaatar.id}`)).statistics).toEqual([
        { year: 2020, population: 1539810, gdp: null },
      ]);

      expect(await accessibilityViolations(page)).toEqual([]);
      await portal.screenshot(page, 'city-editing-mn');

      // Another city: the focal point of Ulaanbaatar has no edit buttons there, nor on eco-label schemes.
      await page.goto(`/cities/${erdenet.id}`);
      await page.getByRole('heading', { level: 1, name: /Erdenet/ }).waitFor();
      await expect(page.getByRole('button', { name: mn.edit.editCity }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: mn.edit.addInventory }).count()).resolves.toBe(0);
      await page.goto(`/eco-labels/schemes/${scheme.id}`);
      await page.getByRole('heading', { level: 1, name: /Eco Mark/ }).waitFor();
      await expect(page.getByRole('button', { name: catalogue('mn', 'ecolabels').edit.edit }).count()).resolves.toBe(0);
    });

    it('the record forms fit a 360 px phone', async () => {
      const mn = catalogue('mn', 'cities');
      const page = await (await portal.context({ width: 360 })).newPage();
      await portal.signIn(page, focal.email, focal.password);
      await page.goto(`/cities/${ulaanbaatar.id}`);
      await page.getByRole('button', { name: mn.edit.addInventory }).click();
      await page.getByRole('form', { name: mn.edit.addInventory }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(360);
      await page.getByRole('button', { name: mn.edit.cancel }).click();
      await page.getByRole('button', { name: mn.edit.addTarget }).first().click();
      await page.getByRole('form', { name: mn.edit.addTarget }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(360);
      await portal.screenshot(page, 'city-editing-phone');
    });

    it('a coordinator reading Japanese edits an eco-label scheme', async () => {
      const ja = catalogue('ja', 'ecolabels');
      const jaCommon = catalogue('ja', 'common');
      const page = await signedIn(coordinator);
      await page.goto(`/eco-labels/schemes/${scheme.id}`);
      await page.getByRole('button', { name: ja.edit.edit }).click();
      const form = page.getByRole('form', { name: ja.edit.title.replace('{{name}}', 'Eco Mark') });
      await form.getByLabel(ja.edit.establishedYear, { exact: true }).fill('1889');
      await form.getByLabel(ja.scheme.website, { exact: true }).fill('www.ecomark.jp');
      await form.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await form.getByText(jaCommon.fieldMessage.year).waitFor();
      await form.getByText(ja.edit.websiteFormat).waitFor();
      await form.getByLabel(ja.edit.establishedYear, { exact: true }).fill('1989');
      await form.getByLabel(ja.scheme.website, { exact: true }).fill('https://www.ecomark.jp/');
      await form.getByLabel(ja.scheme.operator, { exact: true }).fill('公益財団法人日本環境協会');
      await form.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByText('公益財団法人日本環境協会').waitFor();
      expect(await get<EcoLabelSchemeResponse>(`/api/eco-labels/schemes/${scheme.id}`)).toMatchObject({
        establishedYear: 1989,
        website: 'https://www.ecomark.jp/',
        operator: '公益財団法人日本環境協会',
      });

      // Certification steps: two added, the second moved up, replaced as a whole.
      await page.getByRole('button', { name: ja.edit.editSteps }).click();
      const steps = page.getByRole('form', { name: ja.edit.stepsTitle });
      await steps.getByRole('button', { name: ja.edit.addStep }).click();
      await steps.getByRole('button', { name: ja.edit.addStep }).click();
      const step = (row: number) =>
        steps.getByRole('listitem', { name: ja.edit.stepRow.replace('{{row}}', String(row)) });
      await step(1).getByLabel(ja.edit.stepTitle, { exact: true }).fill('審査');
      await step(2).getByLabel(ja.edit.stepTitle, { exact: true }).fill('申請');
      await step(2).getByLabel(ja.edit.durationDays, { exact: true }).fill('5000');
      await steps.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await steps.getByText(ja.edit.daysRange).waitFor();
      await step(2).getByLabel(ja.edit.durationDays, { exact: true }).fill('30');
      await step(2)
        .getByRole('button', { name: ja.edit.moveUp.replace('{{row}}', '2') })
        .click();
      await steps.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await steps.waitFor({ state: 'detached' });
      expect((await get<EcoLabelSchemeResponse>(`/api/eco-labels/schemes/${scheme.id}`)).certificationSteps).toEqual([
        expect.objectContaining({ title: '申請', durationDays: 30 }),
        expect.objectContaining({ title: '審査', durationDays: null }),
      ]);

      // A product category with its criteria.
      await page.getByRole('button', { name: ja.edit.addCategory }).click();
      const category = page.getByRole('form', { name: ja.edit.addCategory });
      await category.getByLabel(ja.edit.category, { exact: true }).selectOption({ label: 'Copy paper' });
      await category.getByLabel(ja.edit.standardCode, { exact: true }).fill('No. 107');
      await category.getByRole('button', { name: ja.edit.addCriterion }).click();
      const criterion = category.getByRole('listitem', { name: ja.edit.criterionRow.replace('{{row}}', '1') });
      await criterion.getByLabel(ja.criteria.aspect, { exact: true }).selectOption('resources');
      await criterion.getByLabel(ja.criteria.title, { exact: true }).fill('古紙パルプ配合率');
      await criterion.getByLabel(ja.criteria.requirement, { exact: true }).fill('100 %');
      await category.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await category.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '古紙パルプ配合率' }).waitFor();
      const saved = await get<EcoLabelSchemeResponse>(`/api/eco-labels/schemes/${scheme.id}`);
      expect(saved.categories).toEqual([
        expect.objectContaining({
          standardCode: 'No. 107',
          criteria: [expect.objectContaining({ aspect: 'resources', title: '古紙パルプ配合率', requirement: '100 %' })],
        }),
      ]);

      // A mutual-recognition agreement, limited to copy paper.
      await page.getByRole('button', { name: ja.edit.addRecognition }).click();
      const agreement = page.getByRole('form', { name: ja.edit.addRecognition });
      await agreement.getByLabel(ja.edit.otherScheme, { exact: true }).selectOption(korea.id);
      await agreement.getByLabel(ja.edit.signedYear, { exact: true }).fill('2015');
      await agreement.getByLabel(ja.edit.recognitionStatus, { exact: true }).selectOption('negotiating');
      await agreement.getByRole('checkbox', { name: 'Copy paper' }).check();
      await agreement.getByRole('button', { name: catalogue('ja', 'cities').edit.save }).click();
      await agreement.waitFor({ state: 'detached' });
      const recognitions = page.getByRole('region', { name: ja.scheme.recognitions });
      await recognitions.getByRole('link', { name: 'Korea Eco-Label' }).waitFor();
      const withKorea = (await get<EcoLabelSchemeResponse>(`/api/eco-labels/schemes/${scheme.id}`)).recognitions;
      expect(withKorea).toEqual([
        expect.objectContaining({
          signedYear: 2015,
          status: 'negotiating',
          categoryIds: [saved.categories[0]!.category.id],
        }),
      ]);

      expect(await accessibilityViolations(page)).toEqual([]);
      await portal.screenshot(page, 'eco-label-editing-ja');
    });

    it('the comparison chart in Russian spaces years by their distance, switches to a log scale and says why a value is missing', async () => {
      const ru = catalogue('ru', 'cities');
      const page = await (await portal.context({ locale: 'ru-RU' })).newPage();
      await page.goto(
        `/compare?indicator=total_ghg&cityIds=${kitakyushu.id},${ulaanbaatar.id},${erdenet.id}&fromYear=2013&toYear=2020`,
      );
      await page.getByRole('heading', { level: 1, name: ru.compare.title }).waitFor();
      const box = page.locator('.chart-box[data-year-pixels]');
      await box.waitFor();
      expect(await box.getAttribute('data-x-scale')).toBe('linear');
      expect(await box.getAttribute('data-y-scale')).toBe('linear');
      const pixels = JSON.parse((await box.getAttribute('data-year-pixels'))!) as Record<string, number>;
      expect(Object.keys(pixels)).toEqual(['2013', '2015', '2020']);
      // 2015 is two of the seven years from 2013 to 2020 (a category axis would put it half-way).
      const share = (pixels['2015'] - pixels['2013']) / (pixels['2020'] - pixels['2013']);
      expect(share).toBeCloseTo(2 / 7, 2);

      await page.getByRole('checkbox', { name: ru.compare.logScale }).check();
      await page.locator('.chart-box[data-y-scale="logarithmic"]').waitFor();
      expect(await page.locator('canvas').getAttribute('aria-label')).toContain(
        ru.compare.chartSummaryLog.split(':')[0],
      );

      // Names in the reader's script where the city has one; the city without values says why.
      const table = page.getByRole('table', { name: /tCO2e/ });
      await table.getByRole('link', { name: 'Улаанбаатар' }).waitFor();
      await table.getByRole('link', { name: 'Эрдэнэт' }).waitFor();
      await table.getByRole('link', { name: 'Kitakyushu' }).waitFor();
      await table
        .getByRole('row', { name: /Эрдэнэт/ })
        .getByText(ru.compare.noValueRange.replace('{{from}}', '2013').replace('{{to}}', '2020'))
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await portal.screenshot(page, 'compare-time-axis-ru');

      // A single year (per capita: Kitakyushu has a population for 2020 only) still gets a place on the axis.
      await page.goto(`/compare?indicator=total_ghg&cityIds=${kitakyushu.id}&basis=per_capita`);
      const single = page.locator('.chart-box[data-year-pixels*="2020"]');
      await single.waitFor();
      const only = JSON.parse((await single.getAttribute('data-year-pixels'))!) as Record<string, number>;
      expect(Object.keys(only)).toEqual(['2020']);
      expect(Number.isFinite(only['2020'])).toBe(true);

      // An English reader sees the English names.
      const en = await (await portal.context({ locale: 'en-GB' })).newPage();
      await en.goto(`/compare?indicator=total_ghg&cityIds=${ulaanbaatar.id}&fromYear=2013&toYear=2020`);
      await en.getByRole('table', { name: /tCO2e/ }).getByRole('link', { name: 'Ulaanbaatar' }).waitFor();
    });
  },
);

import type { INestApplicationContext } from '@nestjs/common';
import {
  ActionStatus,
  ChangeKind,
  CriterionAspect,
  DataQuality,
  EmissionScope,
  GpcSector,
  NotationKey,
  RecordVisibility,
  StrategyStatus,
  StrategyType,
  TargetType,
} from '@lcc/contracts';
import type { Actor } from '../common/http/actor.js';
import { CitiesService } from '../modules/cities/cities.service.js';
import { IndicatorValuesService } from '../modules/indicators/indicator-values.service.js';
import { ReportedChangesService } from '../modules/indicators/reported-changes.service.js';
import { InventoriesService } from '../modules/inventories/inventories.service.js';
import { StrategiesService } from '../modules/strategies/strategies.service.js';
import { EcoLabelCatalogueService } from '../modules/eco-labels/eco-label-catalogue.service.js';
import { EcoLabelSchemesService } from '../modules/eco-labels/eco-label-schemes.service.js';

/**
 * Demo content of the information platform: cities of the six member states, a strategy with targets and actions,
 * inventories, indicator series, the period changes published by the network's own report, and three eco-label
 * schemes. City figures, targets and criteria are illustrative demo data; the reported period changes are the
 * published figures, stored with their source. Idempotent: records that already exist are left alone.
 */

/** The published source of the reported period changes below. */
export const REPORTED_SOURCE =
  'UNESCAP / NEASPEC: report of the subregional Low Carbon City partnership programme on low-carbon development in North-East Asia';

const DEMO_SOURCE = 'Demo data (illustrative figures)';

/** Period changes as the network's report gives them (no series behind them). */
export const REPORTED_CHANGES: readonly {
  indicator: string;
  country: string;
  startYear: number;
  endYear: number;
  kind: ChangeKind;
  valuePercent: number;
}[] = [
  ...(
    [
      ['CN', 7.0],
      ['KR', 1.5],
      ['RU', 5.3],
      ['JP', -1.3],
    ] as const
  ).map(([country, valuePercent]) => ({
    indicator: 'dmc_per_capita',
    country,
    startYear: 1990,
    endYear: 2005,
    kind: ChangeKind.AnnualRate,
    valuePercent,
  })),
  ...(
    [
      ['CN', -2.0],
      ['KR', -3.1],
      ['RU', 6.0],
    ] as const
  ).map(([country, valuePercent]) => ({
    indicator: 'dmc_per_gdp',
    country,
    startYear: 1990,
    endYear: 2005,
    kind: ChangeKind.AnnualRate,
    valuePercent,
  })),
  ...(
    [
      ['CN', 76],
      ['MN', 70],
      ['RU', 67],
      ['JP', 13],
      ['KR', 10],
    ] as const
  ).map(([country, valuePercent]) => ({
    indicator: 'gdp_per_energy',
    country,
    startYear: 1995,
    endYear: 2009,
    kind: ChangeKind.TotalChange,
    valuePercent,
  })),
];

interface DemoCity {
  nameEn: string;
  nameLocal: string;
  country: string;
  latitude: number;
  longitude: number;
  /** E-mail of the demo member who is the city's focal point. */
  focalPoint?: string;
}

const CITIES: readonly DemoCity[] = [
  {
    nameEn: 'Tianjin',
    nameLocal: '天津',
    country: 'CN',
    latitude: 39.1252,
    longitude: 117.1907,
    focalPoint: 'wang.lihua',
  },
  { nameEn: 'Baoding', nameLocal: '保定', country: 'CN', latitude: 38.8739, longitude: 115.4646 },
  { nameEn: 'Pyongyang', nameLocal: '평양', country: 'KP', latitude: 39.0392, longitude: 125.7625 },
  {
    nameEn: 'Kitakyushu',
    nameLocal: '北九州',
    country: 'JP',
    latitude: 33.8834,
    longitude: 130.8752,
    focalPoint: 'sato.misaki',
  },
  { nameEn: 'Toyama', nameLocal: '富山', country: 'JP', latitude: 36.6953, longitude: 137.2113 },
  {
    nameEn: 'Ulaanbaatar',
    nameLocal: 'Улаанбаатар',
    country: 'MN',
    latitude: 47.9184,
    longitude: 106.9177,
    focalPoint: 'batbayar.dorj',
  },
  {
    nameEn: 'Incheon',
    nameLocal: '인천',
    country: 'KR',
    latitude: 37.4563,
    longitude: 126.7052,
    focalPoint: 'kim.minjun',
  },
  { nameEn: 'Changwon', nameLocal: '창원', country: 'KR', latitude: 35.2281, longitude: 128.6811 },
  {
    nameEn: 'Vladivostok',
    nameLocal: 'Владивосток',
    country: 'RU',
    latitude: 43.1155,
    longitude: 131.8855,
    focalPoint: 'anna.kuznetsova',
  },
  { nameEn: 'Khabarovsk', nameLocal: 'Хабаровск', country: 'RU', latitude: 48.4827, longitude: 135.0838 },
];

/** Illustrative inventory of the demo strategy's city (tCO2e). */
const INVENTORIES: readonly {
  year: number;
  energy: [number, number];
  transport: number;
  waste: number;
  ippu: number;
}[] = [
  { year: 2013, energy: [5_200_000, 4_100_000], transport: 1_700_000, waste: 400_000, ippu: 4_600_000 },
  { year: 2020, energy: [4_300_000, 3_200_000], transport: 1_550_000, waste: 360_000, ippu: 4_100_000 },
];

export interface SeedSummary {
  cities: number;
  reportedChanges: number;
  schemes: number;
}

/**
 * Seeds through the feature services, as `actor` (a coordinator). `memberIdByEmail` resolves the focal points'
 * demo accounts (local part of the e-mail); cities whose focal point is missing are seeded without one.
 */
export async function seedInformationPlatform(
  app: INestApplicationContext,
  actor: Actor,
  memberIdByEmail: (local: string) => Promise<string | null> = async () => null,
): Promise<SeedSummary> {
  const cities = app.get(CitiesService);
  const reportedChanges = app.get(ReportedChangesService);
  const values = app.get(IndicatorValuesService);
  const summary: SeedSummary = { cities: 0, reportedChanges: 0, schemes: 0 };

  const cityIds = new Map<string, string>();
  for (const demo of CITIES) {
    const existing = await cities.findByName(demo.country, demo.nameEn);
    if (existing) {
      cityIds.set(demo.nameEn, existing.id);
      continue;
    }
    const city = await cities.create(actor, {
      nameEn: demo.nameEn,
      nameLocal: demo.nameLocal,
      country: demo.country,
      latitude: demo.latitude,
      longitude: demo.longitude,
      visibility: RecordVisibility.Public,
    });
    cityIds.set(demo.nameEn, city.id);
    summary.cities += 1;
    const focal = demo.focalPoint ? await memberIdByEmail(demo.focalPoint) : null;
    if (focal) await cities.setMembers(actor, city.id, { focalPointIds: [focal], organizationIds: [] });
    if (demo.nameEn === 'Kitakyushu') await seedStrategy(app, actor, city.id);
    if (demo.nameEn === 'Ulaanbaatar') {
      for (const [indicator, unit, year, value] of [
        ['population', 'persons', 2015, 1_396_288],
        ['population', 'persons', 2020, 1_597_016],
        ['total_ghg', 'tCO2e', 2015, 9_800_000],
        ['total_ghg', 'tCO2e', 2020, 11_200_000],
      ] as const) {
        await values.create(actor, {
          indicator,
          cityId: city.id,
          year,
          value,
          unit,
          source: DEMO_SOURCE,
          quality: DataQuality.SelfReported,
          visibility: RecordVisibility.Public,
        });
      }
    }
  }

  for (const change of REPORTED_CHANGES) {
    const stored = await reportedChanges.list(actor, {
      indicator: change.indicator,
      country: change.country,
      limit: 100,
    });
    const present = stored.items.some(
      (s) =>
        s.subject.cityId === null &&
        s.startYear === change.startYear &&
        s.endYear === change.endYear &&
        s.kind === change.kind &&
        s.source === REPORTED_SOURCE,
    );
    if (present) continue;
    await reportedChanges.create(actor, {
      ...change,
      source: REPORTED_SOURCE,
      quality: DataQuality.Verified,
      visibility: RecordVisibility.Public,
    });
    summary.reportedChanges += 1;
  }

  summary.schemes = await seedEcoLabels(app, actor);
  return summary;
}

async function seedStrategy(app: INestApplicationContext, actor: Actor, cityId: string): Promise<void> {
  const inventories = app.get(InventoriesService);
  const strategies = app.get(StrategiesService);
  const values = app.get(IndicatorValuesService);
  const entry = (sector: GpcSector, scope: EmissionScope, value: number | null, notationKey?: NotationKey) => ({
    sector,
    scope,
    value,
    notationKey: notationKey ?? null,
    quality: DataQuality.SelfReported,
    source: DEMO_SOURCE,
  });
  for (const inventory of INVENTORIES) {
    await inventories.create(actor, cityId, {
      year: inventory.year,
      methodology: 'GPC BASIC+',
      visibility: RecordVisibility.Public,
      entries: [
        entry(GpcSector.StationaryEnergy, EmissionScope.Scope1, inventory.energy[0]),
        entry(GpcSector.StationaryEnergy, EmissionScope.Scope2, inventory.energy[1]),
        entry(GpcSector.Transport, EmissionScope.Scope1, inventory.transport),
        entry(GpcSector.Waste, EmissionScope.Scope1, inventory.waste),
        entry(GpcSector.Ippu, EmissionScope.Scope1, inventory.ippu),
        entry(GpcSector.Afolu, EmissionScope.Scope1, null, NotationKey.NE),
      ],
    });
    const total = inventory.energy[0] + inventory.energy[1] + inventory.transport + inventory.waste + inventory.ippu;
    await values.create(actor, {
      indicator: 'total_ghg',
      cityId,
      year: inventory.year,
      value: total,
      unit: 'tCO2e',
      source: DEMO_SOURCE,
      quality: DataQuality.SelfReported,
      visibility: RecordVisibility.Public,
    });
  }
  await strategies.create(actor, cityId, {
    title: 'Low-Carbon City Strategy 2030 (demo)',
    type: StrategyType.LccStrategy,
    description: 'Demo strategy: energy efficiency in industry and buildings, renewable energy, public transport.',
    adoptionYear: 2016,
    periodStart: 2016,
    periodEnd: 2030,
    status: StrategyStatus.Implementing,
    visibility: RecordVisibility.Public,
    targets: [
      { type: TargetType.BaseYear, baseYear: 2013, targetYear: 2030, reductionPercent: 47 },
      {
        type: TargetType.BaseYear,
        sectors: [GpcSector.Transport],
        scopes: [EmissionScope.Scope1],
        baseYear: 2013,
        targetYear: 2030,
        reductionPercent: 35,
      },
      { type: TargetType.NetZero, baseYear: 2013, targetYear: 2050 },
    ],
    actions: [
      {
        title: 'LED street lighting',
        sector: GpcSector.StationaryEnergy,
        status: ActionStatus.Completed,
        responsibleBody: 'Construction Bureau',
        startYear: 2017,
        endYear: 2021,
        expectedReduction: 12_000,
      },
      {
        title: 'Offshore wind power hub',
        sector: GpcSector.StationaryEnergy,
        status: ActionStatus.Ongoing,
        responsibleBody: 'Port and Harbor Bureau',
        startYear: 2019,
      },
      {
        title: 'Bus rapid transit and park-and-ride',
        sector: GpcSector.Transport,
        status: ActionStatus.Planned,
        responsibleBody: 'Transportation Bureau',
        startYear: 2025,
        endYear: 2030,
      },
    ],
  });
}

async function seedEcoLabels(app: INestApplicationContext, actor: Actor): Promise<number> {
  const schemes = app.get(EcoLabelSchemesService);
  const catalogue = app.get(EcoLabelCatalogueService);
  const existing = await schemes.list(actor, { limit: 100 });
  if (existing.items.some((s) => s.name === 'Eco Mark')) return 0;

  const paper = await catalogue.createCategory(actor, {
    code: 'copy_paper',
    name: 'Copy paper',
    description: 'Printing and copying paper',
  });
  const steps = [
    { title: 'Application', description: 'Applicant submits product data and test reports' },
    { title: 'Document review', durationDays: 30 },
    { title: 'Factory inspection and product testing', durationDays: 30 },
    { title: 'Certification decision and licence contract' },
  ];
  const created = [];
  for (const scheme of [
    {
      name: 'China Environmental Labelling',
      localName: '中国环境标志',
      country: 'CN',
      operator: 'China Environmental United Certification Center',
      establishedYear: 1993,
      standardCode: 'HJ 410',
    },
    {
      name: 'Eco Mark',
      localName: 'エコマーク',
      country: 'JP',
      operator: 'Japan Environment Association',
      establishedYear: 1989,
      website: 'https://www.ecomark.jp/',
      standardCode: 'No. 107',
    },
    {
      name: 'Korea Eco-Label',
      localName: '환경표지',
      country: 'KR',
      operator: 'Korea Environmental Industry and Technology Institute',
      establishedYear: 1992,
      standardCode: 'EL 201',
    },
  ]) {
    const { standardCode, ...fields } = scheme;
    const saved = await schemes.create(actor, { ...fields, visibility: RecordVisibility.Public });
    await schemes.setSteps(actor, saved.id, { steps });
    await schemes.setCategory(actor, saved.id, paper.id, {
      standardCode,
      criteria: [
        { aspect: CriterionAspect.Resources, title: 'Recycled or certified pulp', requirement: 'Demo criterion' },
        {
          aspect: CriterionAspect.HazardousSubstances,
          title: 'Chlorine-free bleaching',
          requirement: 'Demo criterion',
        },
        { aspect: CriterionAspect.Energy, title: 'Energy use in production', requirement: 'Demo criterion' },
      ],
    });
    created.push(saved);
  }
  const [, japan, korea] = created;
  await catalogue.createRecognition(actor, {
    schemeIds: [japan!.id, korea!.id],
    description: 'Mutual recognition of test results for products certified by either scheme (demo record)',
    categoryIds: [paper.id],
  });
  return created.length;
}

/**
 * Information platform: cities, strategies (targets, actions), emission inventories, indicators, reported period
 * changes and the analysis of `/api/cities`, `/api/strategies`, `/api/inventories`, `/api/indicators`,
 * `/api/indicator-values`, `/api/reported-changes` and `/api/analysis`.
 */

/** Who may read a city record: `public` also anonymous visitors (the public site), `network` active members. */
export enum RecordVisibility {
  Public = 'public',
  Network = 'network',
}

/** How a member is linked to a city: focal points edit the city's records; organisations are shown. */
export enum CityMemberRole {
  FocalPoint = 'focal_point',
  Organization = 'organization',
}

export enum StrategyType {
  LccStrategy = 'lcc_strategy',
  ClimateActionPlan = 'climate_action_plan',
  EnergyPlan = 'energy_plan',
  MitigationPlan = 'mitigation_plan',
  AdaptationPlan = 'adaptation_plan',
  Other = 'other',
}

export enum StrategyStatus {
  Draft = 'draft',
  Adopted = 'adopted',
  Implementing = 'implementing',
  Completed = 'completed',
  Superseded = 'superseded',
}

/** Target types of the GCoM Common Reporting Framework. */
export enum TargetType {
  BaseYear = 'base_year',
  FixedLevel = 'fixed_level',
  BaselineScenario = 'baseline_scenario',
  Intensity = 'intensity',
  NetZero = 'net_zero',
}

export enum GreenhouseGas {
  Co2e = 'co2e',
  Co2 = 'co2',
  Ch4 = 'ch4',
  N2o = 'n2o',
  FGases = 'f_gases',
}

/** GPC scopes: 1 in-boundary, 2 grid energy, 3 out-of-boundary from in-boundary activity. */
export enum EmissionScope {
  Scope1 = 'scope_1',
  Scope2 = 'scope_2',
  Scope3 = 'scope_3',
}

/** GPC sectors (IPPU: industrial processes and product use; AFOLU: agriculture, forestry and other land use). */
export enum GpcSector {
  StationaryEnergy = 'stationary_energy',
  Transport = 'transport',
  Waste = 'waste',
  Ippu = 'ippu',
  Afolu = 'afolu',
}

export enum ActionStatus {
  Planned = 'planned',
  Ongoing = 'ongoing',
  Completed = 'completed',
}

/**
 * GPC/IPCC notation keys, kept as the standard upper-case codes (they are exchanged verbatim with other tools):
 * NO not occurring, NE not estimated, C confidential, IE included elsewhere.
 */
export enum NotationKey {
  NO = 'NO',
  NE = 'NE',
  C = 'C',
  IE = 'IE',
}

/** Every stored value says how far it can be trusted. */
export enum DataQuality {
  SelfReported = 'self_reported',
  Verified = 'verified',
}

export enum IndicatorSubject {
  City = 'city',
  Country = 'country',
}

/** A reported period change: average annual rate (%/year) or total change over the period (%). */
export enum ChangeKind {
  AnnualRate = 'annual_rate',
  TotalChange = 'total_change',
}

/** Comparisons: the stored value, or divided by the subject's population or GDP of the same year. */
export enum ComparisonBasis {
  Raw = 'raw',
  PerCapita = 'per_capita',
  PerGdp = 'per_gdp',
}

export enum TargetProgressStatus {
  OnTrack = 'on_track',
  OffTrack = 'off_track',
  NoData = 'no_data',
}

export interface CityMemberRef {
  id: string;
  displayName: string;
  organization: string | null;
}

export interface CitySummary {
  id: string;
  nameEn: string;
  nameLocal: string | null;
  country: string;
}

/** Population and GDP of one year (from the `population` and `gdp` indicator series). */
export interface CityStatistic {
  year: number;
  population: number | null;
  /** Million USD. */
  gdp: number | null;
}

export interface CityResponse extends CitySummary {
  areaKm2: number | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  visibility: RecordVisibility;
  focalPoints: CityMemberRef[];
  organizations: CityMemberRef[];
  statistics: CityStatistic[];
  /** Coordinators, admins and the city's focal points. */
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LinkedDocument {
  id: string;
  title: string;
}

export interface TargetResponse {
  id: string;
  strategyId: string;
  type: TargetType;
  gas: GreenhouseGas;
  scopes: EmissionScope[];
  /** Empty: every sector (city-wide). */
  sectors: GpcSector[];
  baseYear: number | null;
  /** tCO2e (intensity targets: tCO2e per million USD of GDP). */
  baseValue: number | null;
  /** Baseline-scenario targets: the business-as-usual emissions in the target year. */
  baselineValue: number | null;
  targetYear: number;
  reductionPercent: number | null;
  /** Fixed-level targets: the level to reach; otherwise derived. */
  targetValue: number | null;
  description: string | null;
}

export interface ActionResponse {
  id: string;
  strategyId: string;
  title: string;
  sector: GpcSector | null;
  description: string | null;
  status: ActionStatus;
  responsibleBody: string | null;
  startYear: number | null;
  endYear: number | null;
  cost: number | null;
  /** ISO 4217. */
  costCurrency: string | null;
  /** tCO2e per year. */
  expectedReduction: number | null;
}

export interface StrategyResponse {
  id: string;
  city: CitySummary;
  title: string;
  type: StrategyType;
  description: string | null;
  adoptionYear: number | null;
  periodStart: number | null;
  periodEnd: number | null;
  status: StrategyStatus;
  visibility: RecordVisibility;
  /** Linked documents the viewer may open (versions come from the documents API). */
  documents: LinkedDocument[];
  /** The strategy's discussion room (a public topic room). */
  roomId: string | null;
  targets: TargetResponse[];
  actions: ActionResponse[];
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryEntryResponse {
  sector: GpcSector;
  scope: EmissionScope;
  gas: GreenhouseGas;
  /** tCO2e; null when a notation key stands instead. */
  value: number | null;
  notationKey: NotationKey | null;
  quality: DataQuality;
  source: string;
}

export interface InventoryResponse {
  id: string;
  city: CitySummary;
  year: number;
  methodology: string | null;
  notes: string | null;
  visibility: RecordVisibility;
  /** Sum of the entries with a value (tCO2e). */
  total: number;
  entries: InventoryEntryResponse[];
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorResponse {
  id: string;
  /** Stable lower snake_case code, used in CSV files and analysis queries. */
  code: string;
  name: string;
  unit: string;
  description: string | null;
  subjects: IndicatorSubject[];
  /** Defined by the platform (may not be deleted). */
  builtIn: boolean;
}

/** A city or a country. */
export interface SubjectRef {
  type: IndicatorSubject;
  country: string;
  cityId: string | null;
  /** City name in English, or the country code. */
  name: string;
}

export interface IndicatorValueResponse {
  id: string;
  indicator: string;
  unit: string;
  subject: SubjectRef;
  year: number;
  value: number;
  source: string;
  quality: DataQuality;
  visibility: RecordVisibility;
}

export interface ReportedChangeResponse {
  id: string;
  indicator: string;
  subject: SubjectRef;
  startYear: number;
  endYear: number;
  kind: ChangeKind;
  /** Percent: per year for `annual_rate`, over the whole period for `total_change`. */
  valuePercent: number;
  source: string;
  quality: DataQuality;
  notes: string | null;
  visibility: RecordVisibility;
}

export interface ImportResultResponse {
  /** Rows read (after the header). */
  rows: number;
  created: number;
  updated: number;
  /** `?dryRun=true`: validated only, nothing written. */
  dryRun: boolean;
}

/** Change of a series between two years, computed from stored values. */
export interface PeriodChange {
  fromYear: number;
  toYear: number;
  fromValue: number;
  toValue: number;
  /** (v1 / v0 − 1) × 100. */
  totalChangePercent: number;
  /** ((v1 / v0)^(1 / (y1 − y0)) − 1) × 100. */
  annualRatePercent: number;
}

export interface ComparisonItem {
  subject: SubjectRef;
  /** The year compared (`?year=`, or the subject's latest with a value). */
  year: number | null;
  value: number | null;
  /** With `?fromYear=&toYear=`: computed where both values are stored. */
  computedChange: PeriodChange | null;
  /** Period changes published by a source (shown beside the series). */
  reportedChanges: ReportedChangeResponse[];
}

export interface ComparisonResponse {
  indicator: string;
  basis: ComparisonBasis;
  /** The indicator's unit, or e.g. `tCO2e/person` for per-capita comparisons. */
  unit: string;
  items: ComparisonItem[];
}

export interface ChangeResponse extends PeriodChange {
  indicator: string;
  basis: ComparisonBasis;
  unit: string;
  subject: SubjectRef;
}

export interface TargetProgressResponse {
  targetId: string;
  type: TargetType;
  baseYear: number | null;
  baseValue: number | null;
  targetYear: number;
  /** The level the target aims at in the target year. */
  targetValue: number | null;
  /** Latest inventory (after the base year) covering the target's sectors and scopes. */
  latestYear: number | null;
  latestValue: number | null;
  /** The straight line from base to target at `latestYear`. */
  pathValue: number | null;
  status: TargetProgressStatus;
  /** Why there is no verdict, when `status` is `no_data`. */
  reason: string | null;
}

export interface StrategyProgressResponse {
  strategyId: string;
  targets: TargetProgressResponse[];
}

export interface SectorShare {
  sector: GpcSector;
  /** tCO2e. */
  value: number;
  sharePercent: number;
}

export interface SectorSharesResponse {
  inventoryId: string;
  city: CitySummary;
  year: number;
  total: number;
  sectors: SectorShare[];
  /** Entries reported with a notation key instead of a value. */
  notationKeys: { sector: GpcSector; scope: EmissionScope; notationKey: NotationKey }[];
}

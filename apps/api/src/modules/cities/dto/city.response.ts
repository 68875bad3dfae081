import { ApiProperty } from '@nestjs/swagger';
import {
  type ActionResponse,
  ActionStatus,
  ChangeKind,
  type ChangeResponse,
  ComparisonBasis,
  type ComparisonItem,
  type ComparisonResponse,
  COUNTRY_CODES,
  type CityMemberRef,
  type CityResponse,
  type CityStatistic,
  type CitySummary,
  DataQuality,
  EmissionScope,
  GpcSector,
  GreenhouseGas,
  type ImportResultResponse,
  type IndicatorResponse,
  IndicatorSubject,
  type IndicatorValueResponse,
  type InventoryEntryResponse,
  type InventoryResponse,
  type LinkedDocument,
  NotationKey,
  type PeriodChange,
  RecordVisibility,
  type ReportedChangeResponse,
  type SectorShare,
  type SectorSharesResponse,
  StrategyStatus,
  type StrategyProgressResponse,
  type StrategyResponse,
  StrategyType,
  type SubjectRef,
  type TargetProgressResponse,
  TargetProgressStatus,
  type TargetResponse,
  TargetType,
} from '@lcc/contracts';

const visibility = { enum: RecordVisibility, enumName: 'RecordVisibility' } as const;
const quality = { enum: DataQuality, enumName: 'DataQuality' } as const;
const country = { enum: COUNTRY_CODES, enumName: 'Country' } as const;
const nullableNumber = { type: Number, nullable: true } as const;
const nullableString = { type: String, nullable: true } as const;
const nullableYear = { type: Number, nullable: true } as const;

export class CityMemberRefDto implements CityMemberRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty(nullableString) organization: string | null;
}

export class CitySummaryDto implements CitySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameEn: string;
  @ApiProperty(nullableString) nameLocal: string | null;
  @ApiProperty(country) country: string;
}

export class CityStatisticDto implements CityStatistic {
  @ApiProperty() year: number;
  @ApiProperty(nullableNumber) population: number | null;
  @ApiProperty({ ...nullableNumber, description: 'million USD' }) gdp: number | null;
}

export class CityResponseDto extends CitySummaryDto implements CityResponse {
  @ApiProperty(nullableNumber) areaKm2: number | null;
  @ApiProperty(nullableNumber) latitude: number | null;
  @ApiProperty(nullableNumber) longitude: number | null;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty(visibility) visibility: RecordVisibility;
  @ApiProperty({ type: [CityMemberRefDto] }) focalPoints: CityMemberRefDto[];
  @ApiProperty({ type: [CityMemberRefDto] }) organizations: CityMemberRefDto[];
  @ApiProperty({ type: [CityStatisticDto] }) statistics: CityStatisticDto[];
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CityPageDto {
  @ApiProperty({ type: [CityResponseDto] }) items: CityResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class LinkedDocumentDto implements LinkedDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class TargetResponseDto implements TargetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) strategyId: string;
  @ApiProperty({ enum: TargetType, enumName: 'TargetType' }) type: TargetType;
  @ApiProperty({ enum: GreenhouseGas, enumName: 'GreenhouseGas' }) gas: GreenhouseGas;
  @ApiProperty({ enum: EmissionScope, enumName: 'EmissionScope', isArray: true }) scopes: EmissionScope[];
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector', isArray: true }) sectors: GpcSector[];
  @ApiProperty(nullableYear) baseYear: number | null;
  @ApiProperty(nullableNumber) baseValue: number | null;
  @ApiProperty(nullableNumber) baselineValue: number | null;
  @ApiProperty() targetYear: number;
  @ApiProperty(nullableNumber) reductionPercent: number | null;
  @ApiProperty(nullableNumber) targetValue: number | null;
  @ApiProperty(nullableString) description: string | null;
}

export class ActionResponseDto implements ActionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) strategyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector', nullable: true }) sector: GpcSector | null;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty({ enum: ActionStatus, enumName: 'ActionStatus' }) status: ActionStatus;
  @ApiProperty(nullableString) responsibleBody: string | null;
  @ApiProperty(nullableYear) startYear: number | null;
  @ApiProperty(nullableYear) endYear: number | null;
  @ApiProperty(nullableNumber) cost: number | null;
  @ApiProperty(nullableString) costCurrency: string | null;
  @ApiProperty(nullableNumber) expectedReduction: number | null;
}

export class StrategyResponseDto implements StrategyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CitySummaryDto }) city: CitySummaryDto;
  @ApiProperty() title: string;
  @ApiProperty({ enum: StrategyType, enumName: 'StrategyType' }) type: StrategyType;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty(nullableYear) adoptionYear: number | null;
  @ApiProperty(nullableYear) periodStart: number | null;
  @ApiProperty(nullableYear) periodEnd: number | null;
  @ApiProperty({ enum: StrategyStatus, enumName: 'StrategyStatus' }) status: StrategyStatus;
  @ApiProperty(visibility) visibility: RecordVisibility;
  @ApiProperty({ type: [LinkedDocumentDto] }) documents: LinkedDocumentDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for anonymous visitors' })
  roomId: string | null;
  @ApiProperty({ type: [TargetResponseDto] }) targets: TargetResponseDto[];
  @ApiProperty({ type: [ActionResponseDto] }) actions: ActionResponseDto[];
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StrategyPageDto {
  @ApiProperty({ type: [StrategyResponseDto] }) items: StrategyResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class InventoryEntryResponseDto implements InventoryEntryResponse {
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector' }) sector: GpcSector;
  @ApiProperty({ enum: EmissionScope, enumName: 'EmissionScope' }) scope: EmissionScope;
  @ApiProperty({ enum: GreenhouseGas, enumName: 'GreenhouseGas' }) gas: GreenhouseGas;
  @ApiProperty({ ...nullableNumber, description: 'tCO2e' }) value: number | null;
  @ApiProperty({ enum: NotationKey, enumName: 'NotationKey', nullable: true }) notationKey: NotationKey | null;
  @ApiProperty(quality) quality: DataQuality;
  @ApiProperty() source: string;
}

export class InventoryResponseDto implements InventoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CitySummaryDto }) city: CitySummaryDto;
  @ApiProperty() year: number;
  @ApiProperty(nullableString) methodology: string | null;
  @ApiProperty(nullableString) notes: string | null;
  @ApiProperty(visibility) visibility: RecordVisibility;
  @ApiProperty({ description: 'tCO2e' }) total: number;
  @ApiProperty({ type: [InventoryEntryResponseDto] }) entries: InventoryEntryResponseDto[];
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class InventoryPageDto {
  @ApiProperty({ type: [InventoryResponseDto] }) items: InventoryResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class IndicatorResponseDto implements IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty({ enum: IndicatorSubject, enumName: 'IndicatorSubject', isArray: true }) subjects: IndicatorSubject[];
  @ApiProperty() builtIn: boolean;
}

export class IndicatorPageDto {
  @ApiProperty({ type: [IndicatorResponseDto] }) items: IndicatorResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class SubjectRefDto implements SubjectRef {
  @ApiProperty({ enum: IndicatorSubject, enumName: 'IndicatorSubject' }) type: IndicatorSubject;
  @ApiProperty(country) country: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId: string | null;
  @ApiProperty() name: string;
}

export class IndicatorValueResponseDto implements IndicatorValueResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty() year: number;
  @ApiProperty() value: number;
  @ApiProperty() source: string;
  @ApiProperty(quality) quality: DataQuality;
  @ApiProperty(visibility) visibility: RecordVisibility;
}

export class IndicatorValuePageDto {
  @ApiProperty({ type: [IndicatorValueResponseDto] }) items: IndicatorValueResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class ReportedChangeResponseDto implements ReportedChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty() startYear: number;
  @ApiProperty() endYear: number;
  @ApiProperty({ enum: ChangeKind, enumName: 'ChangeKind' }) kind: ChangeKind;
  @ApiProperty() valuePercent: number;
  @ApiProperty() source: string;
  @ApiProperty(quality) quality: DataQuality;
  @ApiProperty(nullableString) notes: string | null;
  @ApiProperty(visibility) visibility: RecordVisibility;
}

export class ReportedChangePageDto {
  @ApiProperty({ type: [ReportedChangeResponseDto] }) items: ReportedChangeResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class ImportResultResponseDto implements ImportResultResponse {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() dryRun: boolean;
}

export class PeriodChangeDto implements PeriodChange {
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty() fromValue: number;
  @ApiProperty() toValue: number;
  @ApiProperty() totalChangePercent: number;
  @ApiProperty() annualRatePercent: number;
}

export class ComparisonItemDto implements ComparisonItem {
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty(nullableYear) year: number | null;
  @ApiProperty(nullableNumber) value: number | null;
  @ApiProperty({ type: PeriodChangeDto, nullable: true }) computedChange: PeriodChangeDto | null;
  @ApiProperty({ type: [ReportedChangeResponseDto] }) reportedChanges: ReportedChangeResponseDto[];
}

export class ComparisonResponseDto implements ComparisonResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: ComparisonBasis, enumName: 'ComparisonBasis' }) basis: ComparisonBasis;
  @ApiProperty() unit: string;
  @ApiProperty({ type: [ComparisonItemDto] }) items: ComparisonItemDto[];
}

export class ChangeResponseDto extends PeriodChangeDto implements ChangeResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: ComparisonBasis, enumName: 'ComparisonBasis' }) basis: ComparisonBasis;
  @ApiProperty() unit: string;
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
}

export class TargetProgressResponseDto implements TargetProgressResponse {
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ enum: TargetType, enumName: 'TargetType' }) type: TargetType;
  @ApiProperty(nullableYear) baseYear: number | null;
  @ApiProperty(nullableNumber) baseValue: number | null;
  @ApiProperty() targetYear: number;
  @ApiProperty(nullableNumber) targetValue: number | null;
  @ApiProperty(nullableYear) latestYear: number | null;
  @ApiProperty(nullableNumber) latestValue: number | null;
  @ApiProperty(nullableNumber) pathValue: number | null;
  @ApiProperty({ enum: TargetProgressStatus, enumName: 'TargetProgressStatus' }) status: TargetProgressStatus;
  @ApiProperty(nullableString) reason: string | null;
}

export class StrategyProgressResponseDto implements StrategyProgressResponse {
  @ApiProperty({ format: 'uuid' }) strategyId: string;
  @ApiProperty({ type: [TargetProgressResponseDto] }) targets: TargetProgressResponseDto[];
}

export class SectorShareDto implements SectorShare {
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector' }) sector: GpcSector;
  @ApiProperty() value: number;
  @ApiProperty() sharePercent: number;
}

export class NotationKeyEntryDto {
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector' }) sector: GpcSector;
  @ApiProperty({ enum: EmissionScope, enumName: 'EmissionScope' }) scope: EmissionScope;
  @ApiProperty({ enum: NotationKey, enumName: 'NotationKey' }) notationKey: NotationKey;
}

export class SectorSharesResponseDto implements SectorSharesResponse {
  @ApiProperty({ format: 'uuid' }) inventoryId: string;
  @ApiProperty({ type: CitySummaryDto }) city: CitySummaryDto;
  @ApiProperty() year: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: [SectorShareDto] }) sectors: SectorShareDto[];
  @ApiProperty({ type: [NotationKeyEntryDto] }) notationKeys: NotationKeyEntryDto[];
}

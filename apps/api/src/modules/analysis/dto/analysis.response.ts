import { ApiProperty } from '@nestjs/swagger';
import {
  type ChangeResponse,
  ComparisonBasis,
  type ComparisonItem,
  type ComparisonResponse,
  EmissionScope,
  GpcSector,
  NotationKey,
  type PeriodChange,
  type SectorShare,
  type SectorSharesResponse,
  type StrategyProgressResponse,
  type TargetProgressResponse,
  TargetProgressStatus,
  TargetType,
} from '@lcc/contracts';
import { CitySummaryDto, nullableNumber, nullableString, nullableYear } from '../../cities/dto/city.response.js';
import { ReportedChangeResponseDto, SubjectRefDto } from '../../indicators/dto/indicator.response.js';

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

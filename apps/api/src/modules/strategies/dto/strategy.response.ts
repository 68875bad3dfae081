import { ApiProperty } from '@nestjs/swagger';
import {
  type ActionResponse,
  ActionStatus,
  EmissionScope,
  GpcSector,
  GreenhouseGas,
  type LinkedDocument,
  RecordVisibility,
  StrategyStatus,
  type StrategyResponse,
  StrategyType,
  type TargetResponse,
  TargetType,
} from '@lcc/contracts';
import {
  CitySummaryDto,
  nullableNumber,
  nullableString,
  nullableYear,
  visibility,
} from '../../cities/dto/city.response.js';

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

import { ApiProperty } from '@nestjs/swagger';
import {
  DataQuality,
  EmissionScope,
  GpcSector,
  GreenhouseGas,
  type InventoryEntryResponse,
  type InventoryResponse,
  NotationKey,
  RecordVisibility,
} from '@lcc/contracts';
import { CitySummaryDto, nullableNumber, nullableString, quality, visibility } from '../../cities/dto/city.response.js';

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

import { ApiProperty } from '@nestjs/swagger';
import {
  COUNTRY_CODES,
  type CityMemberRef,
  type CityResponse,
  type CityStatistic,
  type CitySummary,
  DataQuality,
  RecordVisibility,
} from '@lcc/contracts';

/** Property options the response types of the city features share. */
export const visibility = { enum: RecordVisibility, enumName: 'RecordVisibility' } as const;
export const quality = { enum: DataQuality, enumName: 'DataQuality' } as const;
export const country = { enum: COUNTRY_CODES, enumName: 'Country' } as const;
export const nullableNumber = { type: Number, nullable: true } as const;
export const nullableString = { type: String, nullable: true } as const;
export const nullableYear = { type: Number, nullable: true } as const;

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DataQuality, EmissionScope, GpcSector, GreenhouseGas, NotationKey, RecordVisibility } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';
import { YEAR_MAX, YEAR_MIN, YearField } from '../../../common/validation/fields.js';

export class InventoryEntryDto {
  @ApiProperty({ enum: GpcSector, enumName: 'GpcSector' })
  @IsEnum(GpcSector)
  sector: GpcSector;

  @ApiProperty({ enum: EmissionScope, enumName: 'EmissionScope' })
  @IsEnum(EmissionScope)
  scope: EmissionScope;

  @ApiPropertyOptional({ enum: GreenhouseGas, enumName: 'GreenhouseGas', default: GreenhouseGas.Co2e })
  @IsOptional()
  @IsEnum(GreenhouseGas)
  gas?: GreenhouseGas;

  @ApiPropertyOptional({ nullable: true, description: 'tCO2e (negative for removals); or give notationKey' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @ApiPropertyOptional({ enum: NotationKey, enumName: 'NotationKey', nullable: true })
  @IsOptional()
  @IsEnum(NotationKey)
  notationKey?: NotationKey | null;

  @ApiProperty({ enum: DataQuality, enumName: 'DataQuality' })
  @IsEnum(DataQuality)
  quality: DataQuality;

  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  source: string;
}

/** Create, or replace (PUT) an inventory with all its entries. */
export class SaveInventoryDto {
  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @YearField()
  year: number;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, example: 'GPC BASIC' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(200)
  methodology?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Network })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;

  @ApiProperty({ type: [InventoryEntryDto], maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InventoryEntryDto)
  entries: InventoryEntryDto[];
}

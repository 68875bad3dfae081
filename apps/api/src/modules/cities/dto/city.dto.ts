import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNTRY_CODES, RecordVisibility } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { COUNTRY_MESSAGE } from '../../../common/validation/fields.js';
import { trimString } from '../../../common/validation/transforms.js';

const FINITE = { allowNaN: false, allowInfinity: false };

export class CreateCityDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ulaanbaatar' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  nameEn: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, example: 'Улаанбаатар' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  nameLocal?: string | null;

  @ApiProperty({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country: string;

  @ApiPropertyOptional({ nullable: true, minimum: 0 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  areaKm2?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Network })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;
}

export class UpdateCityDto extends PartialType(CreateCityDto) {}

export class SetCityMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: 'Members who edit the city records' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  focalPointIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: 'Member organisations of the city' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds: string[];
}

export class ListCitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country?: string;

  @ApiPropertyOptional({ description: 'Part of the English or local name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ChangeKind, COUNTRY_CODES, DataQuality, IndicatorSubject, RecordVisibility } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { queryBoolean, trimString } from '../../../common/validation/transforms.js';
import { COUNTRY_MESSAGE } from '../../../common/validation/fields.js';
import { YEAR_MAX, YEAR_MIN, YearField } from '../../../common/validation/fields.js';

const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const FINITE = { allowNaN: false, allowInfinity: false };

export class CreateIndicatorDto {
  @ApiProperty({ example: 'waste_per_capita', description: 'lower snake_case, unique' })
  @IsString()
  @Length(2, 64)
  @Matches(CODE, { message: 'code must be lower snake_case such as waste_per_capita' })
  code: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({
    maxLength: 64,
    example: 'kg/person',
    description: "Values must be given in this unit; '%' means 0–100",
  })
  @Transform(trimString)
  @IsString()
  @Length(1, 64)
  unit: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ enum: IndicatorSubject, enumName: 'IndicatorSubject', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(IndicatorSubject, { each: true })
  subjects: IndicatorSubject[];
}

export class UpdateIndicatorDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

/** The subject of a value: a city (`cityId`) or a country (`country` without `cityId`). */
export class SubjectQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country?: string;
}

export class CreateIndicatorValueDto extends SubjectQueryDto {
  @ApiProperty({ description: 'Indicator code', example: 'total_ghg' })
  @IsString()
  @Length(2, 64)
  indicator: string;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @YearField()
  year: number;

  @ApiProperty()
  @IsNumber(FINITE)
  value: number;

  @ApiProperty({ description: "Must equal the indicator's unit" })
  @IsString()
  @Length(1, 64)
  unit: string;

  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  source: string;

  @ApiProperty({ enum: DataQuality, enumName: 'DataQuality' })
  @IsEnum(DataQuality)
  quality: DataQuality;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Network })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;
}

export class UpdateIndicatorValueDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber(FINITE)
  value?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  source?: string;

  @ApiPropertyOptional({ enum: DataQuality, enumName: 'DataQuality' })
  @IsOptional()
  @IsEnum(DataQuality)
  quality?: DataQuality;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility' })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;
}

/** A selection of values: for lists and exports. */
export class ValueSelectionQueryDto extends SubjectQueryDto {
  @ApiPropertyOptional({ description: 'Indicator codes, comma-separated', example: 'total_ghg,population' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  indicator?: string;

  @ApiPropertyOptional({ description: 'City ids, comma-separated (instead of cityId)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  cityIds?: string;

  @ApiPropertyOptional({ description: 'Country codes, comma-separated (instead of country)' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  countries?: string;

  @ApiPropertyOptional({ enum: IndicatorSubject, enumName: 'IndicatorSubject' })
  @IsOptional()
  @IsEnum(IndicatorSubject)
  subjectType?: IndicatorSubject;

  @ApiPropertyOptional({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @Type(() => Number)
  @YearField()
  fromYear?: number;

  @ApiPropertyOptional({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @Type(() => Number)
  @YearField()
  toYear?: number;
}

export class ListIndicatorValuesQueryDto extends IntersectionType(PageQueryDto, ValueSelectionQueryDto) {}

export enum ExportFormat {
  Csv = 'csv',
  Json = 'json',
}

export class ExportQueryDto extends ValueSelectionQueryDto {
  @ApiPropertyOptional({ enum: ExportFormat, enumName: 'ExportFormat', default: ExportFormat.Csv })
  @IsOptional()
  @IsEnum(ExportFormat)
  format?: ExportFormat;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'Validate only; write nothing' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Overwrite stored values of the same indicator, subject and year' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  replace?: boolean;
}

export class CreateReportedChangeDto extends SubjectQueryDto {
  @ApiProperty({ description: 'Indicator code', example: 'dmc_per_capita' })
  @IsString()
  @Length(2, 64)
  indicator: string;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @YearField()
  startYear: number;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @YearField()
  endYear: number;

  @ApiProperty({ enum: ChangeKind, enumName: 'ChangeKind' })
  @IsEnum(ChangeKind)
  kind: ChangeKind;

  @ApiProperty({ description: 'Percent (e.g. 7.0 for +7.0 % a year); at least −100', minimum: -100 })
  @IsNumber(FINITE)
  @Min(-100)
  @Max(100000)
  valuePercent: number;

  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  source: string;

  @ApiProperty({ enum: DataQuality, enumName: 'DataQuality' })
  @IsEnum(DataQuality)
  quality: DataQuality;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Public })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;
}

export class ListReportedChangesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Indicator codes, comma-separated' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  indicator?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country?: string;
}

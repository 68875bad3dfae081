import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COUNTRY_CODES, CriterionAspect, RecognitionStatus, RecordVisibility } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { trimString } from '../../../common/validation/transforms.js';
import { COUNTRY_MESSAGE, YEAR_MAX, YEAR_MIN, YearField } from '../../../common/validation/fields.js';

export class CreateSchemeDto {
  @ApiProperty({ maxLength: 200, example: 'Eco Mark' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, example: 'エコマーク' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  localName?: string | null;

  @ApiProperty({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country: string;

  @ApiProperty({ maxLength: 300, example: 'Japan Environment Association' })
  @Transform(trimString)
  @IsString()
  @Length(2, 300)
  operator: string;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  establishedYear?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://www.ecomark.jp/' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Public })
  @IsOptional()
  @IsEnum(RecordVisibility)
  visibility?: RecordVisibility;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

export class UpdateSchemeDto extends PartialType(CreateSchemeDto) {}

export class ListSchemesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: COUNTRY_MESSAGE })
  country?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Schemes with criteria for this product category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

export class CertificationStepDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  durationDays?: number | null;
}

export class SetStepsDto {
  @ApiProperty({ type: [CertificationStepDto], maxItems: 50, description: 'In order; replaces the procedure' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CertificationStepDto)
  steps: CertificationStepDto[];
}

export class CriterionDto {
  @ApiProperty({ enum: CriterionAspect, enumName: 'CriterionAspect' })
  @IsEnum(CriterionAspect)
  aspect: CriterionAspect;

  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, example: 'At least 70 % recycled pulp' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  requirement?: string | null;
}

export class SetSchemeCategoryDto {
  @ApiPropertyOptional({ maxLength: 100, nullable: true, example: 'No. 107' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  standardCode?: string | null;

  @ApiProperty({ type: [CriterionDto], maxItems: 200, description: 'In order; replaces the criteria' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'copy_paper', description: 'lower snake_case, unique' })
  @IsString()
  @Length(2, 64)
  @Matches(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, { message: 'code must be lower snake_case such as copy_paper' })
  code: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class CreateRecognitionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: 2 })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsUUID('all', { each: true })
  schemeIds: string[];

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  signedYear?: number | null;

  @ApiPropertyOptional({ enum: RecognitionStatus, enumName: 'RecognitionStatus', default: RecognitionStatus.Active })
  @IsOptional()
  @IsEnum(RecognitionStatus)
  status?: RecognitionStatus;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  categoryIds?: string[];
}

export class ListRecognitionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schemeId?: string;
}

export class CompareQueryDto {
  @ApiPropertyOptional({ description: 'Scheme ids, comma-separated; every scheme with criteria when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  schemeIds?: string;
}

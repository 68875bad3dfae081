import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import {
  ActionStatus,
  EmissionScope,
  GpcSector,
  GreenhouseGas,
  RecordVisibility,
  StrategyStatus,
  StrategyType,
  TargetType,
} from '@lcc/contracts';
import { YEAR_MAX, YEAR_MIN, YearField } from '../../../common/validation/fields.js';
import { trimString } from '../../../common/validation/transforms.js';

const FINITE = { allowNaN: false, allowInfinity: false };

export class CreateTargetDto {
  @ApiProperty({ enum: TargetType, enumName: 'TargetType' })
  @IsEnum(TargetType)
  type: TargetType;

  @ApiPropertyOptional({ enum: GreenhouseGas, enumName: 'GreenhouseGas', default: GreenhouseGas.Co2e })
  @IsOptional()
  @IsEnum(GreenhouseGas)
  gas?: GreenhouseGas;

  @ApiPropertyOptional({ enum: EmissionScope, enumName: 'EmissionScope', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(EmissionScope, { each: true })
  scopes?: EmissionScope[];

  @ApiPropertyOptional({ enum: GpcSector, enumName: 'GpcSector', isArray: true, description: 'Empty: city-wide' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(GpcSector, { each: true })
  sectors?: GpcSector[];

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  baseYear?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'tCO2e (intensity: tCO2e per million USD)' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  baseValue?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Baseline scenario: BAU emissions in target year' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  baselineValue?: number | null;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @YearField()
  targetYear: number;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  reductionPercent?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Fixed-level targets: the level to reach' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  targetValue?: number | null;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

export class UpdateTargetDto extends PartialType(CreateTargetDto) {}

export class CreateActionDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ enum: GpcSector, enumName: 'GpcSector', nullable: true, description: 'Null: cross-cutting' })
  @IsOptional()
  @IsEnum(GpcSector)
  sector?: GpcSector | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ enum: ActionStatus, enumName: 'ActionStatus', default: ActionStatus.Planned })
  @IsOptional()
  @IsEnum(ActionStatus)
  status?: ActionStatus;

  @ApiPropertyOptional({ maxLength: 300, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(300)
  responsibleBody?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  startYear?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  endYear?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  cost?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'USD', description: 'ISO 4217' })
  @IsOptional()
  @IsString()
  @Length(3, 3)
  @IsIn(Intl.supportedValuesOf('currency'), { message: 'costCurrency must be an ISO 4217 code such as USD' })
  costCurrency?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'tCO2e per year' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  expectedReduction?: number | null;
}

export class UpdateActionDto extends PartialType(CreateActionDto) {}

export class CreateStrategyDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @Length(2, 300)
  title: string;

  @ApiProperty({ enum: StrategyType, enumName: 'StrategyType' })
  @IsEnum(StrategyType)
  type: StrategyType;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  adoptionYear?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  periodStart?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsOptional()
  @YearField()
  periodEnd?: number | null;

  @ApiPropertyOptional({ enum: StrategyStatus, enumName: 'StrategyStatus', default: StrategyStatus.Adopted })
  @IsOptional()
  @IsEnum(StrategyStatus)
  status?: StrategyStatus;

  @ApiPropertyOptional({ enum: RecordVisibility, enumName: 'RecordVisibility', default: RecordVisibility.Network })
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

  @ApiPropertyOptional({ type: [CreateTargetDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateTargetDto)
  targets?: CreateTargetDto[];

  @ApiPropertyOptional({ type: [CreateActionDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateActionDto)
  actions?: CreateActionDto[];
}

/** Targets and actions change through their own routes. */
export class UpdateStrategyDto extends PartialType(OmitType(CreateStrategyDto, ['targets', 'actions'] as const)) {}

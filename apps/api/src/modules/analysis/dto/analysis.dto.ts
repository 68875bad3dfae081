import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ComparisonBasis } from '@lcc/contracts';
import { YEAR_MAX, YEAR_MIN, YearField } from '../../../common/validation/fields.js';
import { SubjectQueryDto } from '../../indicators/dto/indicator.dto.js';

export class CompareQueryDto {
  @ApiProperty({ description: 'Indicator code', example: 'dmc_per_capita' })
  @IsString()
  @Length(2, 64)
  indicator: string;

  @ApiPropertyOptional({ description: 'City ids, comma-separated' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  cityIds?: string;

  @ApiPropertyOptional({ description: 'Country codes, comma-separated', example: 'CN,KR,RU,JP' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  countries?: string;

  @ApiPropertyOptional({ enum: ComparisonBasis, enumName: 'ComparisonBasis', default: ComparisonBasis.Raw })
  @IsOptional()
  @IsEnum(ComparisonBasis)
  basis?: ComparisonBasis;

  @ApiPropertyOptional({ description: "The year to compare; each subject's latest when absent" })
  @IsOptional()
  @Type(() => Number)
  @YearField()
  year?: number;

  @ApiPropertyOptional({ minimum: YEAR_MIN, maximum: YEAR_MAX, description: 'With toYear: compute the change' })
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

export class ChangeQueryDto extends SubjectQueryDto {
  @ApiProperty({ description: 'Indicator code', example: 'total_ghg' })
  @IsString()
  @Length(2, 64)
  indicator: string;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @Type(() => Number)
  @YearField()
  fromYear: number;

  @ApiProperty({ minimum: YEAR_MIN, maximum: YEAR_MAX })
  @Type(() => Number)
  @YearField()
  toYear: number;

  @ApiPropertyOptional({ enum: ComparisonBasis, enumName: 'ComparisonBasis', default: ComparisonBasis.Raw })
  @IsOptional()
  @IsEnum(ComparisonBasis)
  basis?: ComparisonBasis;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { COUNTRY_CODES, DocumentKind, DocumentLanguage } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { INT4_MAX } from '../../../common/validation/fields.js';
import { queryBoolean } from '../../../common/validation/transforms.js';

export class ListDocumentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words to find in title, description, tags and the text of the file' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: DocumentKind, enumName: 'DocumentKind' })
  @IsOptional()
  @IsEnum(DocumentKind)
  kind?: DocumentKind;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  city?: string;

  @ApiPropertyOptional({ enum: DocumentLanguage, enumName: 'DocumentLanguage' })
  @IsOptional()
  @IsEnum(DocumentLanguage)
  language?: DocumentLanguage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  tag?: string;

  @ApiPropertyOptional({ minimum: 1900, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Documents kept in this folder' })
  @IsOptional()
  @IsUUID()
  folderId?: string;

  @ApiPropertyOptional({ description: 'Add facet counts (kind, language, country, year, tag) over all matches' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  facets?: boolean;
}

export class DownloadQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: INT4_MAX, description: '1-based version number; the latest when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;
}

export class DocumentIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class VersionParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ minimum: 1, maximum: INT4_MAX, description: '1-based version number' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  number: number;
}

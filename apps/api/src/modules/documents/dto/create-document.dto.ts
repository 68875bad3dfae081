import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNTRY_CODES, DocumentKind, DocumentLanguage, DocumentVisibility } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';
import { IsSingleLineName } from '../../../common/validation/single-line-text.js';
import { MAX_DOCUMENT_GROUPS } from '../document-groups.js';

/** Multipart sends `tags` comma-separated; JSON may send an array. Blank tags are dropped, duplicates folded. */
const toTags = ({ value }: { value: unknown }): unknown => {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) return list;
  const tags = list.map((tag: unknown) => (typeof tag === 'string' ? tag.normalize('NFKC').trim() : tag));
  return [...new Set(tags.filter((tag) => tag !== ''))];
};
/** Multipart sends a list of ids comma-separated; JSON sends an array. Blanks are dropped, duplicates folded. */
const toIds = ({ value }: { value: unknown }): unknown => {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) return list;
  const ids = list.map((id: unknown) => (typeof id === 'string' ? id.trim().toLowerCase() : id));
  return [...new Set(ids.filter((id) => id !== ''))];
};
/** Multipart sends every value as text: an empty field means "not given". */
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** The metadata of `POST /api/documents` (multipart fields before `file`). */
export class CreateDocumentDto {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Ulaanbaatar Low-Carbon Strategy 2030' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  @IsSingleLineName()
  title: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' })
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @ApiPropertyOptional({ enum: DocumentLanguage, enumName: 'DocumentLanguage', default: DocumentLanguage.Other })
  @IsOptional()
  @IsEnum(DocumentLanguage)
  language?: DocumentLanguage;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, enumName: 'Country', nullable: true })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code such as MN, CN, JP, KR, RU or KP' })
  country?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  city?: string | null;

  @ApiPropertyOptional({ minimum: 1900, maximum: 2100, nullable: true })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'Multipart: comma-separated', maxItems: 20 })
  @IsOptional()
  @Transform(toTags)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The group to file it under (the first of workingGroupIds); a group is required for visibility group',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUUID()
  workingGroupId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_DOCUMENT_GROUPS,
    description:
      'Every working group to file it under (share it with), the first becoming workingGroupId; multipart: ' +
      'comma-separated; [] for none',
  })
  @IsOptional()
  @Transform(toIds)
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENT_GROUPS)
  @IsUUID('all', { each: true })
  workingGroupIds?: string[];

  @ApiPropertyOptional({ enum: DocumentVisibility, enumName: 'DocumentVisibility', default: 'network' })
  @IsOptional()
  @IsEnum(DocumentVisibility)
  visibility?: DocumentVisibility;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With visibility room: the discussion room whose readers may open it (the uploader must read it)',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUUID()
  roomId?: string;
}

/**
 * Any metadata field; `null` clears description, country, city, year and workingGroupId. A document's room is
 * chosen at upload only.
 */
export class UpdateDocumentDto extends PartialType(OmitType(CreateDocumentDto, ['roomId'] as const)) {}

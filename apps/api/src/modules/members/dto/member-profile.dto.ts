import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
} from 'class-validator';
import { COUNTRY_CODES, Language, MemberType } from '@lcc/contracts';
import { trimString } from '../../../common/validation/transforms.js';
import { IsSingleLineName } from '../../../common/validation/single-line-text.js';

const trimOrNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || null : value;

/** The profile fields a member gives at registration and may edit later. */
export class MemberProfileDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Batbayar Dorj' })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  @IsSingleLineName()
  displayName: string;

  @ApiProperty({ enum: MemberType, enumName: 'MemberType' })
  @IsEnum(MemberType)
  memberType: MemberType;

  @ApiProperty({
    description: 'ISO 3166-1 alpha-2, upper case',
    example: 'MN',
    enum: COUNTRY_CODES,
    enumName: 'Country',
  })
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code such as MN, CN, JP, KR, RU or KP' })
  country: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  @IsSingleLineName()
  organization?: string | null;

  @ApiPropertyOptional({ maxLength: 120, nullable: true, example: 'Ulaanbaatar' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(120)
  @IsSingleLineName()
  city?: string | null;

  @ApiPropertyOptional({ enum: Language, enumName: 'Language', default: Language.En })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @ApiPropertyOptional({ description: 'IANA time zone', example: 'Asia/Ulaanbaatar', default: 'UTC' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Tokyo' })
  timeZone?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['energy efficiency', 'district heating'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  @IsSingleLineName({ each: true })
  expertise?: string[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  bio?: string | null;
}

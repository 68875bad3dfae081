import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimString, INSTANT_WITH_OFFSET } from '../../../common/validation/transforms.js';

export class AgendaItemDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  presenter?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number | null;
}

export class CreateMeetingDto {
  @ApiProperty({ maxLength: 200, example: 'Expert group meeting on city GHG inventories' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 8000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  description?: string | null;

  @ApiProperty({ format: 'date-time', example: '2027-03-10T07:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 instant' })
  @Matches(INSTANT_WITH_OFFSET, { message: 'startsAt must end in Z or an offset such as +09:00' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-10T09:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 instant' })
  @Matches(INSTANT_WITH_OFFSET, { message: 'endsAt must end in Z or an offset such as +09:00' })
  endsAt: string;

  @ApiProperty({ description: "The organiser's IANA time zone", example: 'Europe/Moscow' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Tokyo' })
  timeZone: string;

  @ApiPropertyOptional({ maxLength: 300, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://meet.example.org/lcc-egm' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: [AgendaItemDto], maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];

  @ApiPropertyOptional({ type: [String], description: 'Extra invitees beside the group members', maxItems: 500 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  inviteeIds?: string[];
}

export class ActionItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Keep to update an existing item' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  text: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, example: '2027-04-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2027-04-01' })
  dueDate?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {
  @ApiPropertyOptional({ type: [String], maxItems: 50, description: 'Linked documents (replaces the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];

  @ApiPropertyOptional({ maxLength: 100000, nullable: true, description: 'Minutes, as text' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  minutes?: string | null;

  @ApiPropertyOptional({ type: [ActionItemDto], maxItems: 200, description: 'Replaces the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  actionItems?: ActionItemDto[];
}

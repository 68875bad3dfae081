import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PollAnswer, PollStatus } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { trimString, INSTANT_WITH_OFFSET } from '../../../common/validation/transforms.js';

export class PollOptionDto {
  @ApiProperty({ format: 'date-time', example: '2027-05-12T06:00:00Z' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_OFFSET, { message: 'startsAt must end in Z or an offset such as +09:00' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2027-05-12T08:00:00Z' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_OFFSET, { message: 'endsAt must end in Z or an offset such as +09:00' })
  endsAt: string;
}

export class CreatePollDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ description: "The organiser's IANA time zone", example: 'Asia/Seoul' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Tokyo' })
  timeZone: string;

  @ApiProperty({ type: [PollOptionDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PollOptionDto)
  options: PollOptionDto[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When answers stop; those who have not answered are reminded a day before',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_OFFSET, { message: 'deadline must end in Z or an offset such as +09:00' })
  deadline?: string;
}

export class VoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  optionId: string;

  @ApiProperty({ enum: PollAnswer, enumName: 'PollAnswer' })
  @IsEnum(PollAnswer)
  answer: PollAnswer;
}

export class CastVotesDto {
  @ApiProperty({ type: [VoteDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => VoteDto)
  votes: VoteDto[];
}

export class ClosePollDto {
  @ApiProperty({ format: 'uuid', description: 'The winning slot' })
  @IsUUID()
  optionId: string;
}

export class ListMyPollsQueryDto {
  @ApiPropertyOptional({ enum: PollStatus, enumName: 'PollStatus', default: PollStatus.Open })
  @IsOptional()
  @IsEnum(PollStatus)
  status: PollStatus = PollStatus.Open;
}

export class ListPollsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PollStatus, enumName: 'PollStatus' })
  @IsOptional()
  @IsEnum(PollStatus)
  status?: PollStatus;
}

export class SuggestSlotsQueryDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiProperty({ minimum: 15, maximum: 720, example: 120 })
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(720)
  durationMinutes: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

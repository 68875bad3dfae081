import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { RsvpResponse } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { queryBoolean } from '../../../common/validation/transforms.js';

export class ListMeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings ending after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @ApiPropertyOptional({ description: 'Only meetings I am invited to' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  mine?: boolean;
}

const ANSWERS = [RsvpResponse.Accepted, RsvpResponse.Declined, RsvpResponse.Tentative] as const;

export class RsvpDto {
  @ApiProperty({ enum: ANSWERS, enumName: 'RsvpAnswer' })
  @IsEnum(Object.fromEntries(ANSWERS.map((a) => [a, a])), {
    message: 'response must be accepted, declined or tentative',
  })
  response: (typeof ANSWERS)[number];
}

const ACTION_ITEMS_STATUSES = ['open', 'done', 'all'] as const;
export type ActionItemsStatus = (typeof ACTION_ITEMS_STATUSES)[number];

export class ListActionItemsQueryDto {
  @ApiPropertyOptional({ enum: ACTION_ITEMS_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(ACTION_ITEMS_STATUSES, { message: 'status must be open, done or all' })
  status: ActionItemsStatus = 'open';
}

export class SetActionItemDoneDto {
  @ApiProperty()
  @IsBoolean()
  done: boolean;
}

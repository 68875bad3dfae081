import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/cursor.js';
import { SEQ_MAX } from '../../../common/validation/fields.js';
import { IsSingleEmoji, normalizeEmoji } from './single-emoji.js';

export const MAX_BODY = 8000;

export class SendMessageDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the sender; a resend with the same id returns the original' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ maxLength: MAX_BODY, description: 'Markdown text, stored as sent' })
  @IsString()
  @Length(1, MAX_BODY)
  body: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  threadRootId?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10, description: 'Documents (once documents exist)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

/** The socket form carries the room in the payload. */
export class SocketSendMessageDto extends SendMessageDto {
  @IsUUID()
  roomId: string;
}

export class EditMessageDto {
  @ApiProperty({ maxLength: MAX_BODY })
  @IsString()
  @Length(1, MAX_BODY)
  body: string;
}

export class SocketEditMessageDto extends EditMessageDto {
  @IsUUID()
  messageId: string;
}

export class MessageRefDto {
  @IsUUID()
  messageId: string;
}

export class ReactionDto {
  @IsUUID()
  messageId: string;

  @Transform(({ value }) => normalizeEmoji(value))
  @IsString()
  @Length(1, 32)
  @IsSingleEmoji()
  emoji: string;
}

export class RoomRefDto {
  @IsUUID()
  roomId: string;
}

export class JoinRoomDto extends RoomRefDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  sinceSeq?: number;
}

export class ReadMarkerDto {
  @ApiProperty({ minimum: 0, maximum: SEQ_MAX })
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  seq: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Marks a thread read instead of the room' })
  @IsOptional()
  @IsUUID()
  threadRootId?: string;
}

export class SocketReadMarkerDto extends ReadMarkerDto {
  @IsUUID()
  roomId: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: SEQ_MAX, description: 'Messages with seq below this (exclusive)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  before?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: SEQ_MAX, description: 'Messages with seq above this (exclusive)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  after?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: SEQ_MAX,
    description:
      'A window around this seq (a permalink): the message, up to half the limit before it and the rest after; ' +
      'not with before or after. The page says hasOlder and hasNewer.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEQ_MAX)
  around?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  @ApiPropertyOptional({ format: 'uuid', description: 'Replies of this thread' })
  @IsOptional()
  @IsUUID()
  threadRootId?: string;
}

export class ListThreadsQueryDto extends PageQueryDto {}

export class ReactionParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ maxLength: 32, example: '👍', description: 'One emoji (sequences such as 👍🏽 or 🇲🇳 included)' })
  @Transform(({ value }) => normalizeEmoji(value))
  @IsString()
  @Length(1, 32)
  @IsSingleEmoji()
  emoji: string;
}

export class PresenceDto {
  @IsIn(['online', 'away'])
  status: 'online' | 'away';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_SCOPES, type MessageSearchHit, type SearchScope } from '@lcc/contracts';

export class SearchQueryDto {
  @ApiProperty({ description: 'Words in any language of the network', example: '低碳' })
  @IsString()
  @Length(1, 200)
  q: string;

  @ApiPropertyOptional({
    enum: SEARCH_SCOPES,
    enumName: 'SearchScope',
    default: 'all',
    description: 'One kind of result (pages with `cursor`), or the first page of every kind',
  })
  @IsOptional()
  @IsIn(SEARCH_SCOPES)
  scope: SearchScope = 'all';

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (with a single scope only)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Messages of this room only (other kinds find nothing)' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Messages written, documents uploaded by this member (members and cities find nothing)',
  })
  @IsOptional()
  @IsUUID()
  authorId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Messages and documents created at or after this instant (members and cities find nothing)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Messages and documents created before this instant (members and cities find nothing)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class MessageSearchHitDto implements MessageSearchHit {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid' }) roomId: string;
  @ApiProperty({ type: String, nullable: true }) roomName: string | null;
  @ApiProperty({ description: 'group, meeting, topic or direct' }) roomKind: string;
  @ApiProperty() seq: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) threadRootId: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { id: { type: 'string' }, displayName: { type: 'string' } },
  })
  author: { id: string; displayName: string } | null;
  @ApiProperty({ description: 'HTML-escaped; matches in <b>' }) snippet: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SearchResponseDto {
  @ApiProperty({ type: [MessageSearchHitDto] }) messages: MessageSearchHitDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Documents, as in GET /api/documents?q=' })
  documents: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Members, as in GET /api/members?q=' })
  members: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Cities, as in GET /api/cities?q=' })
  cities: unknown[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The next page of the scope's kind; always null for scope=all",
  })
  nextCursor: string | null;
}

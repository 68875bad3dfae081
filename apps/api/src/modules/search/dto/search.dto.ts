import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { MessageSearchHit } from '@lcc/contracts';
import { MemberResponseDto } from '../../members/dto/member.response.js';

export const SEARCH_SCOPES = ['messages', 'documents', 'members', 'all'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export class SearchQueryDto {
  @ApiProperty({ description: 'Words in any language of the network', example: '低碳' })
  @IsString()
  @Length(1, 200)
  q: string;

  @ApiPropertyOptional({ enum: SEARCH_SCOPES, default: 'all' })
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
}

export class MessageSearchHitDto implements MessageSearchHit {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid' }) roomId: string;
  @ApiProperty({ type: String, nullable: true }) roomName: string | null;
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
  @ApiProperty({
    type: [MemberResponseDto],
    description: 'Members the caller may find in the directory (their directory visibility decides)',
  })
  members: MemberResponseDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type MessageResponse,
  type ReactionSummary,
  RoomKind,
  type PresenceStatus,
  type RoomMemberResponse,
  type RoomDirectoryEntry,
  RoomNotifyLevel,
  type RoomResponse,
  RoomVisibility,
  type ThreadSummary,
} from '@lcc/contracts';

export class ReactionSummaryDto implements ReactionSummary {
  @ApiProperty({ example: '👍' }) emoji: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [String] }) memberIds: string[];
}

export class AuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for readers who may not open the document' })
  title: string | null;
}

export class MessageResponseDto implements MessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roomId: string;
  @ApiProperty({ description: 'Per-room, gapless' }) seq: number;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true }) author: AuthorDto | null;
  @ApiProperty({ description: 'Markdown as sent; empty once deleted' }) body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) threadRootId: string | null;
  @ApiProperty() replyCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastReplyAt: string | null;
  @ApiProperty({ type: [String] }) mentionIds: string[];
  @ApiProperty({ type: [ReactionSummaryDto] }) reactions: ReactionSummaryDto[];
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pinnedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ThreadRoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RoomKind, enumName: 'RoomKind' }) kind: RoomKind;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class ThreadSummaryDto implements ThreadSummary {
  @ApiProperty({ type: MessageResponseDto, description: "The thread's first message" }) root: MessageResponseDto;
  @ApiProperty({ type: ThreadRoomDto }) room: ThreadRoomDto;
  @ApiProperty({ description: "Others' replies after my thread marker and my own last reply" }) unreadCount: number;
  @ApiProperty({ format: 'date-time' }) lastReplyAt: string;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadSummaryDto], description: 'Threads with unread replies first, then by last reply' })
  items: ThreadSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageResponseDto], description: 'Ascending seq' }) items: MessageResponseDto[];
  @ApiProperty({ description: 'More messages beyond the page (either side, for around=)' }) hasMore: boolean;
  @ApiPropertyOptional({ description: 'around= only: messages before the page' }) hasOlder?: boolean;
  @ApiPropertyOptional({ description: 'around= only: messages after the page' }) hasNewer?: boolean;
}

export class RoomResponseDto implements RoomResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RoomKind, enumName: 'RoomKind' }) kind: RoomKind;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) topic: string | null;
  @ApiProperty({ enum: RoomVisibility, enumName: 'RoomVisibility' }) visibility: RoomVisibility;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workingGroupId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty() archived: boolean;
  @ApiProperty() lastSeq: number;
  @ApiProperty({ type: MessageResponseDto, nullable: true }) lastMessage: MessageResponseDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastMessageAt: string | null;
  @ApiProperty() unreadCount: number;
  @ApiProperty({ description: "The viewer's read marker: messages up to this seq are read" }) lastReadSeq: number;
  @ApiProperty() mentionCount: number;
  @ApiProperty() moderator: boolean;
  @ApiProperty({ enum: RoomNotifyLevel, enumName: 'RoomNotifyLevel' }) notifyLevel: RoomNotifyLevel;
  @ApiProperty({
    type: [AuthorDto],
    nullable: true,
    description: 'Everyone in a direct room (the viewer included), for naming it; null for other rooms',
  })
  people: AuthorDto[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RoomDirectoryEntryDto implements RoomDirectoryEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) topic: string | null;
  @ApiProperty() memberCount: number;
  @ApiProperty({ description: 'Whether the viewer is in the room' }) joined: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastMessageAt: string | null;
}

export class RoomDirectoryPageDto {
  @ApiProperty({ type: [RoomDirectoryEntryDto] }) items: RoomDirectoryEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RoomPageDto {
  @ApiProperty({ type: [RoomResponseDto] }) items: RoomResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class UnreadDto {
  @ApiProperty() unreadCount: number;
  @ApiProperty() lastReadSeq: number;
}

export class RoomMemberResponseDto implements RoomMemberResponse {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() moderator: boolean;
  @ApiProperty({ enum: ['online', 'away', 'offline'], enumName: 'PresenceStatus' }) presence: PresenceStatus;
}

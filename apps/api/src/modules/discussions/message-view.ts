import type { MessageResponse, ReactionSummary } from '@lcc/contracts';
import type { Member } from '../members/members.service.js';
import { Message } from './entities/message.entity.js';

// The one way a message becomes a response: raw SQL rows (sends, history pages) go through `messageFromRow`,
// entities loaded by TypeORM straight to `toMessageResponse`, so every channel answers with the same shape.

/** The `messages` columns that `messageFromRow` reads (not the search vector, which only the database needs). */
const MESSAGE_COLUMNS = [
  'id',
  'room_id',
  'seq',
  'client_id',
  'author_id',
  'body',
  'thread_root_id',
  'reply_count',
  'last_reply_at',
  'mention_ids',
  'attachment_ids',
  'pinned_at',
  'pinned_by_id',
  'edited_at',
  'deleted_at',
  'created_at',
  'updated_at',
];

/** Those columns for a raw SELECT or RETURNING, of the table or alias `from` when given (`m` gives `m.id, ...`). */
export function messageColumns(from?: string): string {
  return MESSAGE_COLUMNS.map((column) => (from ? `${from}.${column}` : column)).join(', ');
}

/**
 * A `messages` row as returned by raw SQL (read with `messageColumns`); `author_display_name`, when the query joined
 * it, becomes the author.
 */
export function messageFromRow(row: Record<string, unknown>): Message {
  const message = Object.assign(new Message(), {
    id: row.id as string,
    roomId: row.room_id as string,
    seq: Number(row.seq),
    clientId: row.client_id as string,
    authorId: row.author_id as string | null,
    body: row.body as string,
    threadRootId: row.thread_root_id as string | null,
    replyCount: Number(row.reply_count),
    lastReplyAt: row.last_reply_at as Date | null,
    mentionIds: row.mention_ids as string[],
    attachmentIds: row.attachment_ids as string[],
    pinnedAt: row.pinned_at as Date | null,
    pinnedById: row.pinned_by_id as string | null,
    editedAt: row.edited_at as Date | null,
    deletedAt: row.deleted_at as Date | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  });
  const displayName = row.author_display_name;
  if (message.authorId && typeof displayName === 'string') {
    message.author = { id: message.authorId, displayName } as Member;
  }
  return message;
}

/** Reactions of one message, oldest first, grouped by emoji in order of first use. */
export function summarizeReactions(reactions: { emoji: string; memberId: string }[]): ReactionSummary[] {
  const byEmoji = new Map<string, ReactionSummary>();
  for (const r of reactions) {
    const summary = byEmoji.get(r.emoji) ?? { emoji: r.emoji, count: 0, memberIds: [] };
    summary.count += 1;
    summary.memberIds.push(r.memberId);
    byEmoji.set(r.emoji, summary);
  }
  return [...byEmoji.values()];
}

/**
 * Maps a message. `titles` holds the attached documents' titles the reader may open; others are shown without a
 * title (broadcasts carry none: each client asks with its own rights).
 */
export function toMessageResponse(
  message: Message,
  reactions: ReactionSummary[] = [],
  titles: ReadonlyMap<string, string> = new Map(),
): MessageResponse {
  return {
    id: message.id,
    roomId: message.roomId,
    seq: message.seq,
    clientId: message.clientId,
    authorId: message.authorId,
    author: message.author ? { id: message.author.id, displayName: message.author.displayName } : null,
    body: message.body,
    threadRootId: message.threadRootId,
    replyCount: message.replyCount,
    lastReplyAt: message.lastReplyAt?.toISOString() ?? null,
    mentionIds: message.mentionIds,
    reactions,
    attachments: (message.attachmentIds ?? []).map((documentId) => ({
      documentId,
      title: titles.get(documentId) ?? null,
    })),
    pinnedAt: message.pinnedAt?.toISOString() ?? null,
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}

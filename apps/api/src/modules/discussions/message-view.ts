import type { MessageResponse, ReactionSummary } from '@lcc/contracts';
import type { Message } from './entities/message.entity.js';

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

import type { MessageResponse, ReactionSummary } from '@lcc/contracts';
import type { Message } from './entities/message.entity.js';

export function toMessageResponse(message: Message, reactions: ReactionSummary[] = []): MessageResponse {
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
    attachments: [],
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}

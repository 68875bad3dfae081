import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { type MessagePage, type MessageResponse, NotificationType, type ReactionSummary } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { DocumentsService } from '../documents/documents.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { HistoryQueryDto, SendMessageDto } from './dto/message.dto.js';
import { MessageReaction } from './entities/message-reaction.entity.js';
import { Message } from './entities/message.entity.js';
import { Member } from '../members/entities/member.entity.js';
import { RoomMember } from './entities/room-member.entity.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { toMessageResponse } from './message-view.js';
import { indexText } from '../../common/search/segmentation.js';
import { inputValidationError, unstorableText } from '../../common/validation/input-guard.js';
import { isUniqueViolation } from '@lcc/database';
import { mayPostSql } from './room-access.js';
import { RoomsService } from './rooms.service.js';

type InsertOutcome = Message | 'refused' | 'duplicate';

interface QueuedSend {
  authorId: string;
  dto: SendMessageDto;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

export interface SendResult {
  message: MessageResponse;
  /** False when this was a resend of an earlier clientId: nothing new to broadcast. */
  created: boolean;
}

/**
 * Messages: sending with a gapless per-room seq and idempotent clientIds, history pages, edits, deletion as
 * tombstones, reactions, threads and mentions. Acknowledgements happen only after the commit.
 */
@Injectable()
export class MessagesService {
  /** Plain sends waiting, per room, for that room's statement in flight to finish (see `insertPlain`). */
  private readonly waiting = new Map<string, QueuedSend[]>();

  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(MessageReaction) private readonly reactions: Repository<MessageReaction>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomsService,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
  ) {}

  async send(actor: Actor, roomId: string, dto: SendMessageDto): Promise<SendResult> {
    // Checked here too, not only at the edge: a body the database refuses must never join another's batch.
    const unstorable = unstorableText(dto.body);
    if (unstorable) throw inputValidationError([{ field: 'body', message: `body ${unstorable}` }]);
    // Most messages are plain text from a member of an open room: the insert itself checks membership and
    // archiving, so they cost one statement. Threads, attachments, mentions and refusals take the full checks.
    if (!dto.threadRootId && !dto.attachmentIds?.length && !dto.body.includes('@')) {
      const outcome = await this.insertPlain(roomId, actor.id, dto);
      if (outcome !== 'refused') return this.sent(actor, roomId, dto, outcome, new Map());
    }
    const { room } = await this.rooms.enter(actor, roomId);
    if (room.archived) throw new DiscussionException(DiscussionErrorCode.ROOM_ARCHIVED);
    if (dto.threadRootId) {
      const root = await this.messages.findOneBy({ id: dto.threadRootId, roomId });
      if (!root || root.threadRootId) throw new DiscussionException(DiscussionErrorCode.THREAD_ROOT_NOT_FOUND);
    }
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    const titles = await this.documents.titlesVisibleTo(actor, attachmentIds);
    const missing = attachmentIds.filter((id) => !titles.has(id));
    if (missing.length) {
      throw new DiscussionException(
        DiscussionErrorCode.ATTACHMENT_NOT_FOUND,
        undefined,
        missing.map((id) => ({ field: 'attachmentIds', message: `${id} is not a document you may open` })),
      );
    }
    const mentionIds = await this.resolveMentions(roomId, dto.body, actor.id);
    const outcome = await this.insert(roomId, actor.id, { ...dto, attachmentIds }, mentionIds);
    if (outcome === 'refused') {
      // Left the room or archived between the checks above and the insert.
      const { room: now } = await this.rooms.requireAccess(actor, roomId);
      throw new DiscussionException(
        now.archived ? DiscussionErrorCode.ROOM_ARCHIVED : DiscussionErrorCode.ROOM_NOT_FOUND,
      );
    }
    if (outcome !== 'duplicate' && mentionIds.length) {
      await this.notifications.notify(
        mentionIds.map((memberId) => ({
          memberId,
          type: NotificationType.MessageMention,
          title: `${actor.displayName} mentioned you`,
          data: { roomId, messageId: outcome.id },
        })),
      );
    }
    return this.sent(actor, roomId, dto, outcome, titles);
  }

  private async sent(
    actor: Actor,
    roomId: string,
    dto: SendMessageDto,
    outcome: Message | 'duplicate',
    titles: Map<string, string>,
  ): Promise<SendResult> {
    if (outcome === 'duplicate') {
      const earlier = await this.messages.findOneByOrFail({ roomId, authorId: actor.id, clientId: dto.clientId });
      return { message: await this.resend(actor, earlier, dto), created: false };
    }
    return {
      message: toMessageResponse(
        Object.assign(outcome, { author: { id: actor.id, displayName: actor.displayName } as Member }),
        [],
        titles,
      ),
      created: true,
    };
  }

  /**
   * One statement, so one transaction with no round trips around it: take the room's next seq (the row lock
   * orders concurrent senders), insert, count the reply on its thread root, and move the sender's read marker.
   * Nothing happens (`refused`) unless the author is a member of the room and it is not archived. A clientId
   * this author already used violates a unique index: the whole statement, seq included, is rolled back, so no
   * gap opens (`duplicate`). The message is returned only once committed.
   */
  private async insert(
    roomId: string,
    authorId: string,
    dto: SendMessageDto,
    mentionIds: string[],
  ): Promise<InsertOutcome> {
    try {
      const rows = (await this.dataSource.query(
        `WITH next AS (
           UPDATE rooms SET last_seq = last_seq + 1, last_message_at = now(), updated_at = now()
            WHERE id = $1 AND NOT archived AND ${mayPostSql('$1', '$3')}
           RETURNING last_seq
         ), ins AS (
           INSERT INTO messages (room_id, seq, client_id, author_id, body, thread_root_id, mention_ids, search_vector, attachment_ids)
           SELECT $1::uuid, next.last_seq, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::uuid[], to_tsvector('simple', $7::text), $8::uuid[]
             FROM next
           RETURNING *
         ), root AS (
           UPDATE messages SET reply_count = reply_count + 1, last_reply_at = now(), updated_at = now()
            WHERE id = $5 AND EXISTS (SELECT 1 FROM ins)
         ), marker AS (
           UPDATE room_members SET last_read_seq = GREATEST(last_read_seq, (SELECT seq FROM ins)), updated_at = now()
            WHERE room_id = $1 AND member_id = $3 AND EXISTS (SELECT 1 FROM ins)
         )
         SELECT * FROM ins`,
        [
          roomId,
          dto.clientId,
          authorId,
          dto.body,
          dto.threadRootId ?? null,
          mentionIds,
          indexText(dto.body),
          dto.attachmentIds ?? [],
        ],
      )) as Record<string, unknown>[];
      return rows[0] ? fromRow(rows[0]) : 'refused';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /**
   * Inserts a plain message (no thread, attachments or mentions). While a statement for the room is in flight,
   * the room's next plain sends wait and then go together in one statement (`insertMany`): under load a busy
   * room costs one round trip and one commit for many messages; alone, a send goes at once.
   */
  private insertPlain(roomId: string, authorId: string, dto: SendMessageDto): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      const item: QueuedSend = { authorId, dto, resolve, reject };
      const queue = this.waiting.get(roomId);
      if (queue) {
        queue.push(item);
        return;
      }
      this.waiting.set(roomId, []);
      void this.flush(roomId, [item]);
    });
  }

  private async flush(roomId: string, batch: QueuedSend[]): Promise<void> {
    const outcomes = batch.length === 1 ? await this.insertEach(roomId, batch) : await this.insertMany(roomId, batch);
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.status === 'fulfilled') item.resolve(outcome.value);
      else item.reject(outcome.reason);
    });
    const next = this.waiting.get(roomId) ?? [];
    if (next.length === 0) {
      this.waiting.delete(roomId);
      return;
    }
    this.waiting.set(roomId, []);
    void this.flush(roomId, next);
  }

  /** Each message in its own statement: one failing (whatever the reason) fails no other. */
  private async insertEach(roomId: string, batch: QueuedSend[]): Promise<PromiseSettledResult<InsertOutcome>[]> {
    const outcomes: PromiseSettledResult<InsertOutcome>[] = [];
    for (const b of batch) {
      try {
        outcomes.push({
          status: 'fulfilled',
          value: await this.insert(roomId, b.authorId, { ...b.dto, attachmentIds: [] }, []),
        });
      } catch (reason) {
        outcomes.push({ status: 'rejected', reason });
      }
    }
    return outcomes;
  }

  /**
   * Several plain messages of one room in one statement, all or nothing: seqs follow the order they arrived in,
   * contiguous from the room's last seq; each author's read marker moves to their newest. When any author may not
   * send there (not a member, room archived), any clientId was used before, or the statement fails for any other
   * reason, nothing is written and each message takes the single-message path, which tells them apart: one bad
   * message must not fail the others that happened to share its statement.
   */
  private async insertMany(roomId: string, batch: QueuedSend[]): Promise<PromiseSettledResult<InsertOutcome>[]> {
    let rows: Record<string, unknown>[] = [];
    try {
      rows = (await this.dataSource.query(
        `WITH input AS (
           SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS t(client_id, author_id, body, words, ord)
         ), next AS (
           UPDATE rooms SET last_seq = last_seq + (SELECT count(*) FROM input), last_message_at = now(), updated_at = now()
            WHERE id = $1 AND NOT archived
              AND NOT EXISTS (SELECT 1 FROM input i WHERE NOT ${mayPostSql('$1', 'i.author_id')})
           RETURNING last_seq
         ), ins AS (
           INSERT INTO messages (room_id, seq, client_id, author_id, body, search_vector)
           SELECT $1::uuid, next.last_seq - (SELECT count(*) FROM input) + i.ord, i.client_id, i.author_id, i.body,
                  to_tsvector('simple', i.words)
             FROM input i, next
           RETURNING *
         ), marker AS (
           UPDATE room_members rm SET last_read_seq = GREATEST(rm.last_read_seq, newest.seq), updated_at = now()
             FROM (SELECT author_id, max(seq) AS seq FROM ins GROUP BY author_id) newest
            WHERE rm.room_id = $1 AND rm.member_id = newest.author_id
         )
         SELECT * FROM ins`,
        [
          roomId,
          batch.map((b) => b.dto.clientId),
          batch.map((b) => b.authorId),
          batch.map((b) => b.dto.body),
          batch.map((b) => indexText(b.dto.body)),
        ],
      )) as Record<string, unknown>[];
    } catch {
      // Retried one by one below, where the error (if it was one message's) reaches only its sender.
      rows = [];
    }
    if (rows.length === batch.length) {
      const byKey = new Map(rows.map((row) => [`${String(row.author_id)} ${String(row.client_id)}`, fromRow(row)]));
      return batch.map((b) => ({ status: 'fulfilled', value: byKey.get(`${b.authorId} ${b.dto.clientId}`)! }));
    }
    return this.insertEach(roomId, batch);
  }

  /** A page of history in ascending seq: the newest page by default, or before/after a seq (exclusive). */
  async history(actor: Actor, roomId: string, query: HistoryQueryDto): Promise<MessagePage> {
    await this.rooms.requireAccess(actor, roomId);
    return this.page(roomId, query, actor);
  }

  async page(
    roomId: string,
    query: { before?: number; after?: number; limit: number; threadRootId?: string },
    viewer: Actor,
  ): Promise<MessagePage> {
    const params: unknown[] = [roomId];
    const where = ['m.room_id = $1'];
    if (query.threadRootId) where.push(`m.thread_root_id = $${params.push(query.threadRootId)}`);
    if (query.after !== undefined) where.push(`m.seq > $${params.push(query.after)}`);
    if (query.before !== undefined) where.push(`m.seq < $${params.push(query.before)}`);
    // Forward pages read up from `after`; otherwise the page ends at the newest (or just before `before`).
    const ascending = query.after !== undefined;
    // One round trip in plain SQL (history pages and catch-up are the busiest reads): messages, authors and
    // reactions (in the order they were given) together.
    const rows = (await this.dataSource.query(
      `SELECT m.*, a.display_name AS author_display_name,
              (SELECT json_agg(json_build_object('emoji', r.emoji, 'memberId', r.member_id) ORDER BY r.created_at, r.id)
                 FROM message_reactions r WHERE r.message_id = m.id) AS reaction_list
         FROM messages m LEFT JOIN members a ON a.id = m.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY m.seq ${ascending ? 'ASC' : 'DESC'}
        LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as (Record<string, unknown> & {
      author_display_name: string | null;
      reaction_list: { emoji: string; memberId: string }[] | null;
    })[];
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (!ascending) page.reverse();
    const messages = page.map((row) => {
      const message = fromRow(row);
      if (message.authorId && row.author_display_name !== null) {
        message.author = { id: message.authorId, displayName: row.author_display_name } as Member;
      }
      return message;
    });
    const titles = await this.documents.titlesVisibleTo(viewer, [
      ...new Set(messages.flatMap((m) => m.attachmentIds ?? [])),
    ]);
    return {
      items: messages.map((m, i) => toMessageResponse(m, summarize(page[i]!.reaction_list ?? []), titles)),
      hasMore,
    };
  }

  async edit(actor: Actor, messageId: string, body: string): Promise<MessageResponse> {
    const message = await this.requireMessage(actor, messageId);
    if (message.authorId !== actor.id) throw new DiscussionException(DiscussionErrorCode.NOT_MESSAGE_AUTHOR);
    if (message.deletedAt) throw new DiscussionException(DiscussionErrorCode.MESSAGE_DELETED);
    const mentionIds = await this.resolveMentions(message.roomId, body, actor.id);
    await this.messages
      .createQueryBuilder()
      .update()
      .set({ body, editedAt: new Date(), mentionIds, searchVector: () => `to_tsvector('simple', :words)` })
      .setParameter('words', indexText(body))
      .where('id = :id', { id: messageId })
      .execute();
    return this.view(messageId, actor);
  }

  /** Author or room moderator; the row stays as a tombstone so the seq sequence keeps no hole. */
  async remove(actor: Actor, messageId: string): Promise<MessageResponse> {
    const message = await this.requireMessage(actor, messageId);
    if (message.deletedAt) throw new DiscussionException(DiscussionErrorCode.MESSAGE_DELETED);
    if (message.authorId !== actor.id) {
      const { moderator } = await this.rooms.requireAccess(actor, message.roomId);
      if (!moderator) throw new DiscussionException(DiscussionErrorCode.NOT_MESSAGE_AUTHOR);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Message)
        .update(
          { id: messageId },
          { body: '', mentionIds: [], attachmentIds: [], deletedAt: new Date(), searchVector: null, pinnedAt: null },
        );
      await manager.getRepository(MessageReaction).delete({ messageId });
    });
    return this.view(messageId, actor);
  }

  /** Adds the actor's emoji, or removes it when present (`on` forces one direction for PUT/DELETE). */
  async react(actor: Actor, messageId: string, emoji: string, on?: boolean): Promise<MessageResponse> {
    const message = await this.requireMessage(actor, messageId);
    if (message.deletedAt) throw new DiscussionException(DiscussionErrorCode.MESSAGE_DELETED);
    const existing = await this.reactions.findOneBy({ messageId, memberId: actor.id, emoji });
    const add = on ?? !existing;
    if (add && !existing) {
      await this.reactions
        .createQueryBuilder()
        .insert()
        .values({ messageId, memberId: actor.id, emoji })
        .orIgnore()
        .execute();
    } else if (!add && existing) {
      await this.reactions.delete({ id: existing.id });
    }
    return this.view(messageId, actor);
  }

  /** Moderators pin a message to the room (or unpin it). */
  async pin(actor: Actor, messageId: string, pinned: boolean): Promise<MessageResponse> {
    const message = await this.requireMessage(actor, messageId);
    const { moderator } = await this.rooms.requireAccess(actor, message.roomId);
    if (!moderator) throw new DiscussionException(DiscussionErrorCode.NOT_A_MODERATOR);
    if (message.deletedAt) throw new DiscussionException(DiscussionErrorCode.MESSAGE_DELETED);
    await this.messages.update(
      { id: messageId },
      pinned ? { pinnedAt: new Date(), pinnedById: actor.id } : { pinnedAt: null, pinnedById: null },
    );
    return this.view(messageId, actor);
  }

  async pinned(actor: Actor, roomId: string): Promise<MessageResponse[]> {
    await this.rooms.requireAccess(actor, roomId);
    const rows = await this.messages
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.author', 'a')
      .where('m.roomId = :roomId AND m.pinnedAt IS NOT NULL AND m.deletedAt IS NULL', { roomId })
      .orderBy('m.pinnedAt', 'DESC')
      .take(50)
      .getMany();
    return this.withReactions(rows, actor);
  }

  /** The message if the actor may see its room (404 otherwise). */
  async requireMessage(actor: Actor, messageId: string): Promise<Message> {
    const message = await this.messages.findOneBy({ id: messageId });
    if (!message) throw new DiscussionException(DiscussionErrorCode.MESSAGE_NOT_FOUND);
    try {
      await this.rooms.requireAccess(actor, message.roomId);
    } catch {
      throw new DiscussionException(DiscussionErrorCode.MESSAGE_NOT_FOUND);
    }
    return message;
  }

  async view(messageId: string, viewer: Actor): Promise<MessageResponse> {
    const message = await this.messages.findOneOrFail({ where: { id: messageId }, relations: { author: true } });
    return (await this.withReactions([message], viewer))[0]!;
  }

  private async resend(actor: Actor, earlier: Message, dto: SendMessageDto): Promise<MessageResponse> {
    if (earlier.body !== dto.body && !earlier.deletedAt)
      throw new DiscussionException(DiscussionErrorCode.CLIENT_ID_REUSED);
    return this.view(earlier.id, actor);
  }

  /** `@Display Name` of a room member → their id (longest names first, so `@Kim Min` does not shadow `@Kim Minjun`). */
  private async resolveMentions(roomId: string, body: string, authorId: string): Promise<string[]> {
    if (!body.includes('@')) return [];
    const members = (await this.dataSource
      .getRepository(RoomMember)
      .find({ where: { roomId }, relations: { member: true } })) as RoomMember[];
    const ids = new Set<string>();
    for (const rm of members.sort((a, b) => b.member.displayName.length - a.member.displayName.length)) {
      if (rm.memberId !== authorId && body.includes(`@${rm.member.displayName}`)) ids.add(rm.memberId);
    }
    return [...ids];
  }

  private async withReactions(messages: Message[], viewer: Actor): Promise<MessageResponse[]> {
    const ids = messages.map((m) => m.id);
    const titles = await this.documents.titlesVisibleTo(viewer, [
      ...new Set(messages.flatMap((m) => m.attachmentIds ?? [])),
    ]);
    const rows = ids.length
      ? await this.reactions.find({ where: { messageId: In(ids) }, order: { createdAt: 'ASC' } })
      : [];
    return messages.map((m) => toMessageResponse(m, summarize(rows.filter((r) => r.messageId === m.id)), titles));
  }
}

/** Reactions of one message, oldest first, grouped by emoji in order of first use. */
function summarize(reactions: { emoji: string; memberId: string }[]): ReactionSummary[] {
  const byEmoji = new Map<string, ReactionSummary>();
  for (const r of reactions) {
    const summary = byEmoji.get(r.emoji) ?? { emoji: r.emoji, count: 0, memberIds: [] };
    summary.count += 1;
    summary.memberIds.push(r.memberId);
    byEmoji.set(r.emoji, summary);
  }
  return [...byEmoji.values()];
}

/** A `messages` row as returned by raw SQL. */
function fromRow(row: Record<string, unknown>): Message {
  return Object.assign(new Message(), {
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
}

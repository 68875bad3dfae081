import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { type MessageResponse, NotificationType, RoomKind } from '@lcc/contracts';
import { isUniqueViolation, preparedQuery } from '@lcc/database';
import type { Actor } from '../../common/http/actor.js';
import { indexText } from '../../common/search/segmentation.js';
import { inputValidationError, unstorableText } from '../../common/validation/input-guard.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { Member } from '../members/members.service.js';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service.js';
import type { SendMessageDto } from './dto/message.dto.js';
import { Message } from './entities/message.entity.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { MessageCreatedEvent } from './events/message-created.event.js';
import { ThreadUpdatedEvent } from './events/thread-updated.event.js';
import { type Mentions, MentionsService } from './mentions.service.js';
import { MessageHistoryService } from './message-history.service.js';
import { messageColumns, messageFromRow, toMessageResponse } from './message-view.js';
import { mayPostSql } from './room-access.js';
import { RoomsService } from './rooms.service.js';

/**
 * A stored message, whether its room is a direct conversation, and for a reply its thread root's new reply count
 * (all read by the insert itself, at no cost).
 */
interface Inserted {
  message: Message;
  direct: boolean;
  thread: { replyCount: number; lastReplyAt: Date } | null;
}

type InsertOutcome = Inserted | 'refused' | 'duplicate';

function inserted(row: Record<string, unknown>): Inserted {
  const thread =
    row.root_reply_count === null || row.root_reply_count === undefined
      ? null
      : { replyCount: Number(row.root_reply_count), lastReplyAt: row.root_last_reply_at as Date };
  return { message: messageFromRow(row), direct: row.room_kind === RoomKind.Direct, thread };
}

interface QueuedSend {
  roomId: string;
  authorId: string;
  dto: SendMessageDto;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/** One message: next seq, insert, reply count, sender's read marker, in one statement (see `insert`). */
const INSERT_ONE = `WITH next AS (
           UPDATE rooms SET last_seq = last_seq + 1, last_message_at = now(), updated_at = now()
            WHERE id = $1 AND NOT archived AND ${mayPostSql('$1', '$3')}
           RETURNING last_seq, kind
         ), ins AS (
           INSERT INTO messages (room_id, seq, client_id, author_id, body, thread_root_id, mention_ids, search_vector, attachment_ids)
           SELECT $1::uuid, next.last_seq, $2::uuid, $3::uuid, $4::text, $5::uuid, $6::uuid[], to_tsvector('simple', $7::text), $8::uuid[]
             FROM next
           RETURNING ${messageColumns()}
         ), root AS (
           UPDATE messages SET reply_count = reply_count + 1, last_reply_at = now(), updated_at = now()
            WHERE id = $5 AND EXISTS (SELECT 1 FROM ins)
           RETURNING reply_count, last_reply_at
         ), marker AS (
           UPDATE room_members SET last_read_seq = GREATEST(last_read_seq, (SELECT seq FROM ins)), updated_at = now()
            WHERE room_id = $1 AND member_id = $3 AND EXISTS (SELECT 1 FROM ins)
         )
         SELECT ins.*, next.kind AS room_kind,
                (SELECT reply_count FROM root) AS root_reply_count, (SELECT last_reply_at FROM root) AS root_last_reply_at
           FROM ins, next`;

/**
 * Plain messages of any rooms in one statement (see `insertMany`). A clientId its author used before in the room,
 * or earlier in the batch, is left out before seqs are counted. The rooms are locked in id order first, so two such
 * statements (of two instances) never wait on each other in a cycle.
 */
const INSERT_MANY = `WITH given AS (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
             WITH ORDINALITY AS t(room_id, client_id, author_id, body, words, ord)
         ), input AS (
           SELECT DISTINCT ON (g.room_id, g.author_id, g.client_id) g.* FROM given g
            WHERE NOT EXISTS (SELECT 1 FROM messages m
                               WHERE m.room_id = g.room_id AND m.author_id = g.author_id AND m.client_id = g.client_id)
            ORDER BY g.room_id, g.author_id, g.client_id, g.ord
         ), counts AS (
           SELECT room_id, count(*) AS n FROM input GROUP BY room_id
         ), locked AS MATERIALIZED (
           SELECT id FROM rooms WHERE id IN (SELECT room_id FROM counts) ORDER BY id FOR UPDATE
         ), next AS (
           UPDATE rooms r SET last_seq = r.last_seq + c.n, last_message_at = now(), updated_at = now()
             FROM counts c
            WHERE r.id = c.room_id AND r.id IN (SELECT id FROM locked) AND NOT r.archived
              AND NOT EXISTS (SELECT 1 FROM input i WHERE i.room_id = r.id AND NOT ${mayPostSql('r.id', 'i.author_id')})
           RETURNING r.id, r.last_seq - c.n AS seq_before, r.kind
         ), ins AS (
           INSERT INTO messages (room_id, seq, client_id, author_id, body, search_vector)
           SELECT i.room_id, next.seq_before + row_number() OVER (PARTITION BY i.room_id ORDER BY i.ord),
                  i.client_id, i.author_id, i.body, to_tsvector('simple', i.words)
             FROM input i JOIN next ON next.id = i.room_id
           RETURNING ${messageColumns()}
         ), marker AS (
           UPDATE room_members rm SET last_read_seq = GREATEST(rm.last_read_seq, newest.seq), updated_at = now()
             FROM (SELECT room_id, author_id, max(seq) AS seq FROM ins GROUP BY room_id, author_id) newest
            WHERE rm.room_id = newest.room_id AND rm.member_id = newest.author_id
         )
         SELECT ins.*, next.kind AS room_kind FROM ins JOIN next ON next.id = ins.room_id`;

/** At most this many plain sends share a statement. */
const MAX_SENDS_PER_STATEMENT = 500;

const NO_MENTIONS: Mentions = { ids: [], named: new Set() };

/**
 * Sending: a gapless per-room seq and idempotent clientIds, plain sends of a busy room batched into one
 * statement, threads, attachments and mentions (notified through `NotificationsService`). A new message is
 * returned, and `message.created` published, only after it commits.
 */
@Injectable()
export class MessageSendingService {
  /** Plain sends waiting for the statement in flight to finish (see `insertPlain`), in the order they came. */
  private readonly waiting: QueuedSend[] = [];
  private inserting = false;

  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomsService,
    private readonly history: MessageHistoryService,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
    private readonly mentions: MentionsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Stores the message (or finds the original of a resent clientId) and returns it as its author sees it. */
  async send(actor: Actor, roomId: string, dto: SendMessageDto): Promise<MessageResponse> {
    // Checked here too, not only at the edge: a body the database refuses must never join another's batch.
    const unstorable = unstorableText(dto.body);
    if (unstorable) throw inputValidationError([{ field: 'body', message: `body ${unstorable}` }]);
    // Most messages are plain text from a member of an open room: the insert itself checks membership and
    // archiving, so they cost one statement. Threads, attachments, mentions and refusals take the full checks.
    if (!dto.threadRootId && !dto.attachmentIds?.length && !dto.body.includes('@')) {
      const outcome = await this.insertPlain(roomId, actor.id, dto);
      if (outcome !== 'refused') {
        if (outcome !== 'duplicate' && outcome.direct) await this.notify(actor, roomId, outcome, NO_MENTIONS);
        return this.sent(actor, roomId, dto, outcome, new Map());
      }
    }
    const { room, moderator } = await this.rooms.enter(actor, roomId);
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
    const mentioned = await this.mentions.mentionedIn(roomId, dto.body, actor.id, moderator);
    const outcome = await this.insert(roomId, actor.id, { ...dto, attachmentIds }, mentioned.ids);
    if (outcome === 'refused') {
      // Left the room or archived between the checks above and the insert.
      const { room: now } = await this.rooms.requireAccess(actor, roomId);
      throw new DiscussionException(
        now.archived ? DiscussionErrorCode.ROOM_ARCHIVED : DiscussionErrorCode.ROOM_NOT_FOUND,
      );
    }
    if (outcome !== 'duplicate' && (mentioned.ids.length || outcome.direct)) {
      await this.notify(actor, roomId, outcome, mentioned);
    }
    return this.sent(actor, roomId, dto, outcome, titles);
  }

  /**
   * Notifications are another feature's rows: written through its exported service, which also tells the
   * members' sockets (`notification.created`). Awaited, so the notification exists by the ack. Members who muted
   * the room hear nothing; `@room` notifies as its own type, with parameters only. In a direct conversation every
   * other member hears of the message, once: a member it mentions gets the mention instead.
   */
  private async notify(actor: Actor, roomId: string, outcome: Inserted, mentioned: Mentions): Promise<void> {
    const mentionedIds = new Set(mentioned.ids);
    const listening = outcome.direct
      ? await this.mentions.othersListening(roomId, actor.id)
      : await this.mentions.listening(roomId, mentioned.ids);
    if (listening.length === 0) return;
    const data = { roomId, messageId: outcome.message.id, actorId: actor.id, actorName: actor.displayName };
    await this.notifications.notify(
      listening.map((memberId): NewNotification => ({
        memberId,
        // Named with @name, or reached by a moderator's @room: the same parameters, two sentences.
        type: !mentionedIds.has(memberId)
          ? NotificationType.DirectMessage
          : mentioned.named.has(memberId)
            ? NotificationType.MessageMention
            : NotificationType.RoomMention,
        data,
      })),
    );
  }

  /**
   * The committed message as its author sees it. A new one is published (`message.created`) before the caller
   * acknowledges: the emit is synchronous, so the room hears of it in the same order as before, with no wait added.
   */
  private async sent(
    actor: Actor,
    roomId: string,
    dto: SendMessageDto,
    outcome: Inserted | 'duplicate',
    titles: Map<string, string>,
  ): Promise<MessageResponse> {
    if (outcome === 'duplicate') {
      const earlier = await this.messages.findOneByOrFail({ roomId, authorId: actor.id, clientId: dto.clientId });
      if (earlier.body !== dto.body && !earlier.deletedAt) {
        throw new DiscussionException(DiscussionErrorCode.CLIENT_ID_REUSED);
      }
      return this.history.view(earlier.id, actor);
    }
    const message = toMessageResponse(
      Object.assign(outcome.message, { author: { id: actor.id, displayName: actor.displayName } as Member }),
      [],
      titles,
    );
    this.events.emit(MessageCreatedEvent.NAME, new MessageCreatedEvent(message));
    if (outcome.thread && message.threadRootId) {
      this.events.emit(
        ThreadUpdatedEvent.NAME,
        new ThreadUpdatedEvent({
          roomId,
          threadRootId: message.threadRootId,
          replyCount: outcome.thread.replyCount,
          lastReplyAt: outcome.thread.lastReplyAt.toISOString(),
        }),
      );
    }
    return message;
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
      const rows = await preparedQuery<Record<string, unknown>>(this.dataSource, 'message-insert', INSERT_ONE, [
        roomId,
        dto.clientId,
        authorId,
        dto.body,
        dto.threadRootId ?? null,
        mentionIds,
        indexText(dto.body),
        dto.attachmentIds ?? [],
      ]);
      return rows[0] ? inserted(rows[0]) : 'refused';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /**
   * Inserts a plain message (no thread, attachments or mentions). While a statement of plain sends is in flight,
   * the next plain sends, of whichever rooms, wait and then go together in one statement (`insertMany`): under load
   * many messages cost one round trip and one commit; alone, a send goes at once. One statement at a time also
   * keeps each room's seqs in the order its messages arrived, which is why this is a queue of its own and not
   * `batchWhileBusy`: that loader runs the batches above its size limit side by side.
   */
  private insertPlain(roomId: string, authorId: string, dto: SendMessageDto): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ roomId, authorId, dto, resolve, reject });
      if (!this.inserting) void this.insertWaiting();
    });
  }

  private async insertWaiting(): Promise<void> {
    this.inserting = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_SENDS_PER_STATEMENT);
        const outcomes = batch.length === 1 ? await this.insertEach(batch) : await this.insertMany(batch);
        batch.forEach((item, i) => {
          const outcome = outcomes[i]!;
          if (outcome.status === 'fulfilled') item.resolve(outcome.value);
          else item.reject(outcome.reason);
        });
      }
    } finally {
      this.inserting = false;
    }
  }

  /** Each message in its own statement: one failing (whatever the reason) fails no other. */
  private async insertEach(batch: QueuedSend[]): Promise<PromiseSettledResult<InsertOutcome>[]> {
    const outcomes: PromiseSettledResult<InsertOutcome>[] = [];
    for (const b of batch) {
      try {
        outcomes.push({
          status: 'fulfilled',
          value: await this.insert(b.roomId, b.authorId, { ...b.dto, attachmentIds: [] }, []),
        });
      } catch (reason) {
        outcomes.push({ status: 'rejected', reason });
      }
    }
    return outcomes;
  }

  /**
   * Several plain messages in one statement. Each room's seqs follow the order its messages arrived in, contiguous
   * from its last seq; each author's read marker moves to their newest in each room. The messages the statement
   * did not store take the single-message path, which tells them apart: resent clientIds, and every message of a
   * room where any author may not send (not a member, room archived). When the statement fails (a resend racing
   * its original, say), nothing is written and every message takes that path: one bad message must not fail the
   * others that happened to share its statement.
   */
  private async insertMany(batch: QueuedSend[]): Promise<PromiseSettledResult<InsertOutcome>[]> {
    let rows: Record<string, unknown>[] = [];
    try {
      rows = await preparedQuery<Record<string, unknown>>(this.dataSource, 'message-insert-many', INSERT_MANY, [
        batch.map((b) => b.roomId),
        batch.map((b) => b.dto.clientId),
        batch.map((b) => b.authorId),
        batch.map((b) => b.dto.body),
        batch.map((b) => indexText(b.dto.body)),
      ]);
    } catch {
      // Retried one by one below, where the error (if it was one message's) reaches only its sender.
      rows = [];
    }
    const key = (roomId: unknown, authorId: unknown, clientId: unknown) =>
      `${String(roomId)} ${String(authorId)} ${String(clientId)}`;
    const stored = new Map(rows.map((row) => [key(row.room_id, row.author_id, row.client_id), inserted(row)]));
    const outcomes = batch.map((b): PromiseSettledResult<InsertOutcome> | undefined => {
      const k = key(b.roomId, b.authorId, b.dto.clientId);
      const value = stored.get(k);
      // A row answers the first send of its clientId; a resend in the same batch is told apart below.
      stored.delete(k);
      return value && { status: 'fulfilled', value };
    });
    const rest = batch.filter((_, i) => !outcomes[i]);
    const retried = rest.length > 0 ? await this.insertEach(rest) : [];
    return outcomes.map((outcome) => outcome ?? retried.shift()!);
  }
}

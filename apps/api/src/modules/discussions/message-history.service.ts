import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { CommonErrorCode, type JoinAck, type MessagePage, type MessageResponse } from '@lcc/contracts';
import { preparedQuery } from '@lcc/database';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Actor } from '../../common/http/actor.js';
import { indexText } from '../../common/search/segmentation.js';
import { batchWhileBusy } from '../../common/sql/batch-while-busy.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { HistoryQueryDto } from './dto/message.dto.js';
import { MessageReaction } from './entities/message-reaction.entity.js';
import { Message } from './entities/message.entity.js';
import type { Room } from './entities/room.entity.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { MessageDeletedEvent } from './events/message-deleted.event.js';
import { MessageUpdatedEvent } from './events/message-updated.event.js';
import { ReactionsUpdatedEvent } from './events/reactions-updated.event.js';
import { messageColumns, messageFromRow, summarizeReactions, toMessageResponse } from './message-view.js';
import { MentionsService } from './mentions.service.js';
import { RoomsService } from './rooms.service.js';

/** At most this many messages in a `room.join` catch-up; the client pages on with REST `after=`. */
const CATCH_UP_LIMIT = 100;

/** Above every seq: a page "before" nothing ends at the newest message. */
const MAX_SEQ = '9223372036854775807';

/**
 * A page's messages with their authors and reactions (in the order they were given), read as one row each; the
 * caller adds which messages (`WHERE`), their order and how many.
 */
const SELECT_PAGE_ROWS = `SELECT ${messageColumns('m')}, a.display_name AS author_display_name,
  (SELECT json_agg(json_build_object('emoji', r.emoji, 'memberId', r.member_id) ORDER BY r.created_at, r.id)
     FROM message_reactions r WHERE r.message_id = m.id) AS reaction_list
  FROM messages m LEFT JOIN members a ON a.id = m.author_id`;

type PageRow = Record<string, unknown> & { reaction_list: { emoji: string; memberId: string }[] | null };

/** One timeline page to read: its room, the seq it starts from (exclusive; none for the newest) and how many rows. */
interface PageKey {
  roomId: string;
  seq: number | null;
  limit: number;
}

/**
 * Everything about messages once they are stored: history pages and catch-up, edits, deletion as tombstones,
 * reactions and pins. Each change publishes its event after it commits (`message.updated`, `message.deleted`,
 * `reactions.updated`); the realtime listener turns them into socket broadcasts.
 */
@Injectable()
export class MessageHistoryService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(MessageReaction) private readonly reactions: Repository<MessageReaction>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomsService,
    private readonly documents: DocumentsService,
    private readonly mentions: MentionsService,
    private readonly events: EventEmitter2,
  ) {}

  /** A page of history in ascending seq: the newest page by default, or before/after a seq (exclusive). */
  async history(actor: Actor, roomId: string, query: HistoryQueryDto): Promise<MessagePage> {
    if (query.around !== undefined && (query.before !== undefined || query.after !== undefined)) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'around', message: 'around opens its own window: leave out before and after' },
      ]);
    }
    // The access rule and the read go out together, one round trip instead of two: the page leaves only once access
    // is granted, and a refusal wins over whatever the read found or failed with.
    const [access, page] = await Promise.allSettled([
      this.rooms.requireAccess(actor, roomId),
      query.around !== undefined ? this.around(roomId, query.around, query, actor) : this.page(roomId, query, actor),
    ]);
    if (access.status === 'rejected') throw access.reason;
    if (page.status === 'rejected') throw page.reason;
    return page.value;
  }

  /**
   * The window a permalink opens, in ascending seq: the messages before `seq` (half the limit) and from `seq` on
   * (the rest); near either end of the history the other side fills the page. It says whether more lie on each
   * side; the timeline pages on from both ends with before/after.
   */
  private async around(
    roomId: string,
    seq: number,
    query: { limit: number; threadRootId?: string },
    viewer: Actor,
  ): Promise<MessagePage> {
    const { limit, threadRootId } = query;
    const [older, newer] = await Promise.all([
      this.page(roomId, { before: seq, limit, threadRootId }, viewer),
      this.page(roomId, { after: seq - 1, limit, threadRootId }, viewer),
    ]);
    const newerCount = Math.min(
      newer.items.length,
      Math.max(limit - Math.floor(limit / 2), limit - older.items.length),
    );
    const olderCount = Math.min(older.items.length, limit - newerCount);
    const hasOlder = older.hasMore || older.items.length > olderCount;
    const hasNewer = newer.hasMore || newer.items.length > newerCount;
    return {
      items: [...older.items.slice(older.items.length - olderCount), ...newer.items.slice(0, newerCount)],
      hasMore: hasOlder || hasNewer,
      hasOlder,
      hasNewer,
    };
  }

  /**
   * What a socket that just joined `room` (access already checked) has missed: after `sinceSeq`, or the newest
   * page. `lastSeq` is the room's seq when access was checked, or the page's newest if later: anything committed
   * after the join arrives as a broadcast, so the client holds everything up to it once it paged through `hasMore`.
   */
  async catchUp(viewer: Actor, room: Room, sinceSeq?: number): Promise<JoinAck> {
    const page =
      sinceSeq !== undefined
        ? await this.page(room.id, { after: sinceSeq, limit: CATCH_UP_LIMIT }, viewer)
        : await this.page(room.id, { limit: CATCH_UP_LIMIT }, viewer);
    const lastSeq = Math.max(room.lastSeq, page.items.at(-1)?.seq ?? 0);
    return { messages: page.items, hasMore: page.hasMore, lastSeq };
  }

  /** A page without the access check, for callers that made it already (`room.join`). */
  async page(
    roomId: string,
    query: { before?: number; after?: number; limit: number; threadRootId?: string },
    viewer: Actor,
  ): Promise<MessagePage> {
    // Forward pages read up from `after`; otherwise the page ends at the newest (or just before `before`).
    const ascending = query.after !== undefined;
    // The timeline's pages (one bound at most, the busiest reads) go together while one runs; the rest alone.
    const shared = !query.threadRootId && (query.after === undefined || query.before === undefined);
    const rows = shared
      ? await (ascending ? this.pagesAfter : this.pagesBefore).load({
          roomId,
          seq: query.after ?? query.before ?? null,
          limit: query.limit + 1,
        })
      : await this.readPage(roomId, query);
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (!ascending) page.reverse();
    const messages = page.map(messageFromRow);
    const titles = await this.documents.titlesVisibleTo(viewer, [
      ...new Set(messages.flatMap((m) => m.attachmentIds ?? [])),
    ]);
    return {
      items: messages.map((m, i) => toMessageResponse(m, summarizeReactions(page[i]!.reaction_list ?? []), titles)),
      hasMore,
    };
  }

  /** A page of a thread, or between two seqs: one round trip in plain SQL. */
  private async readPage(
    roomId: string,
    query: { before?: number; after?: number; limit: number; threadRootId?: string },
  ): Promise<PageRow[]> {
    const params: unknown[] = [roomId];
    const where = ['m.room_id = $1'];
    if (query.threadRootId) where.push(`m.thread_root_id = $${params.push(query.threadRootId)}`);
    if (query.after !== undefined) where.push(`m.seq > $${params.push(query.after)}`);
    if (query.before !== undefined) where.push(`m.seq < $${params.push(query.before)}`);
    return (await this.dataSource.query(
      `${SELECT_PAGE_ROWS}
        WHERE ${where.join(' AND ')}
        ORDER BY m.seq ${query.after !== undefined ? 'ASC' : 'DESC'}
        LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as PageRow[];
  }

  /** Pages of rooms' timelines before a seq (or the newest), each newest first: one statement for the batch. */
  private readonly pagesBefore = batchWhileBusy<PageKey, PageRow[]>((keys) =>
    this.readPages('message-pages-before', keys, `m.seq < COALESCE(q.seq, ${MAX_SEQ})`, 'DESC'),
  );

  /** Pages of rooms' timelines after a seq, each oldest first: one statement for the batch. */
  private readonly pagesAfter = batchWhileBusy<PageKey, PageRow[]>((keys) =>
    this.readPages('message-pages-after', keys, 'm.seq > q.seq', 'ASC'),
  );

  /** Pages of a batch, as the prepared statement `name` (planned once per connection: its text never changes). */
  private async readPages(
    name: string,
    keys: readonly PageKey[],
    bound: string,
    order: 'ASC' | 'DESC',
  ): Promise<PageRow[][]> {
    const rows = await preparedQuery<PageRow & { page_n: string }>(
      this.dataSource,
      name,
      `SELECT q.n AS page_n, p.*
         FROM unnest($1::uuid[], $2::bigint[], $3::int[]) WITH ORDINALITY AS q(room_id, seq, lim, n)
         CROSS JOIN LATERAL (
           ${SELECT_PAGE_ROWS}
            WHERE m.room_id = q.room_id AND ${bound}
            ORDER BY m.seq ${order} LIMIT q.lim) p
        ORDER BY q.n, p.seq ${order}`,
      [keys.map((k) => k.roomId), keys.map((k) => k.seq), keys.map((k) => k.limit)],
    );
    const pages = keys.map((): PageRow[] => []);
    for (const { page_n: n, ...row } of rows) pages[Number(n) - 1]!.push(row);
    return pages;
  }

  async edit(actor: Actor, messageId: string, body: string): Promise<MessageResponse> {
    const message = await this.requireMessage(actor, messageId);
    if (message.authorId !== actor.id) throw new DiscussionException(DiscussionErrorCode.NOT_MESSAGE_AUTHOR);
    if (message.deletedAt) throw new DiscussionException(DiscussionErrorCode.MESSAGE_DELETED);
    const { moderator } = await this.rooms.requireAccess(actor, message.roomId);
    const { ids: mentionIds } = await this.mentions.mentionedIn(message.roomId, body, actor.id, moderator);
    await this.messages
      .createQueryBuilder()
      .update()
      .set({ body, editedAt: new Date(), mentionIds, searchVector: () => `to_tsvector('simple', :words)` })
      .setParameter('words', indexText(body))
      .where('id = :id', { id: messageId })
      .execute();
    return this.changed(await this.view(messageId, actor));
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
    return this.changed(await this.view(messageId, actor));
  }

  /**
   * A deleted member who chose so: each of their messages becomes a tombstone like a deleted one (the seq keeps no
   * hole; replies stay in their thread), and their reactions go.
   */
  async removeAllOf(memberId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(Message)
        .createQueryBuilder()
        .update()
        .set({
          body: '',
          mentionIds: [],
          attachmentIds: [],
          deletedAt: () => 'now()',
          searchVector: null,
          pinnedAt: null,
        })
        .where('authorId = :memberId AND deletedAt IS NULL', { memberId })
        .returning(['id'])
        .execute();
      await manager.getRepository(MessageReaction).delete({ memberId });
      return (result.raw as { id: string }[]).map((row) => row.id);
    });
    // Open rooms hear of each tombstone, as after a deletion by hand (a tombstone reads the same to everyone).
    for (let i = 0; i < removed.length; i += 500) {
      const messages = await this.messages.find({
        where: { id: In(removed.slice(i, i + 500)) },
        relations: { author: true },
      });
      for (const message of messages) {
        this.events.emit(MessageDeletedEvent.NAME, new MessageDeletedEvent(toMessageResponse(message)));
      }
    }
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
    const view = await this.view(messageId, actor);
    this.events.emit(ReactionsUpdatedEvent.NAME, new ReactionsUpdatedEvent(view));
    return view;
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
    return this.changed(await this.view(messageId, actor));
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

  /** The stored message as `viewer` sees it (attachment titles they may open). */
  async view(messageId: string, viewer: Actor): Promise<MessageResponse> {
    const message = await this.messages.findOneOrFail({ where: { id: messageId }, relations: { author: true } });
    return (await this.withReactions([message], viewer))[0]!;
  }

  /**
   * Publishes a committed change: `message.deleted` once the message is a tombstone (also when an edit raced a
   * deletion and read the tombstone back), `message.updated` otherwise.
   */
  private changed(message: MessageResponse): MessageResponse {
    if (message.deletedAt) this.events.emit(MessageDeletedEvent.NAME, new MessageDeletedEvent(message));
    else this.events.emit(MessageUpdatedEvent.NAME, new MessageUpdatedEvent(message));
    return message;
  }

  private async withReactions(messages: Message[], viewer: Actor): Promise<MessageResponse[]> {
    const ids = messages.map((m) => m.id);
    const titles = await this.documents.titlesVisibleTo(viewer, [
      ...new Set(messages.flatMap((m) => m.attachmentIds ?? [])),
    ]);
    const rows = ids.length
      ? await this.reactions.find({ where: { messageId: In(ids) }, order: { createdAt: 'ASC' } })
      : [];
    return messages.map((m) =>
      toMessageResponse(m, summarizeReactions(rows.filter((r) => r.messageId === m.id)), titles),
    );
  }
}

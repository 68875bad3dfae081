import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/actor.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { RoomReadEvent } from './events/room-read.event.js';
import { RoomsService } from './rooms.service.js';

/**
 * Read markers: a member's place in a room (`room_members.last_read_seq`) and in each thread
 * (`thread_read_markers`). Markers only move forward; each read publishes `room.read`.
 */
@Injectable()
export class ReadMarkersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomsService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Moves the actor's read marker of the room, or of one thread of it, forward and publishes `room.read` so all of
   * the actor's sockets learn the new unread count.
   */
  async read(
    actor: Actor,
    roomId: string,
    marker: { seq: number; threadRootId?: string },
  ): Promise<{ unreadCount: number; lastReadSeq: number }> {
    const { threadRootId, seq } = marker;
    const result = threadRootId
      ? await this.markThreadRead(actor, roomId, threadRootId, seq)
      : await this.markRead(actor, roomId, seq);
    this.events.emit(
      RoomReadEvent.NAME,
      new RoomReadEvent(actor.id, roomId, result.unreadCount, result.lastReadSeq, threadRootId),
    );
    return result;
  }

  /**
   * Moves a member's marker for one thread forward (never back); returns the unread replies of that thread.
   * The thread root must be a message of the room.
   */
  private async markThreadRead(
    actor: Actor,
    roomId: string,
    threadRootId: string,
    seq: number,
  ): Promise<{ unreadCount: number; lastReadSeq: number }> {
    await this.rooms.enter(actor, roomId);
    const [root] = (await this.dataSource.query(
      `SELECT id FROM messages WHERE id = $1 AND room_id = $2 AND thread_root_id IS NULL`,
      [threadRootId, roomId],
    )) as { id: string }[];
    if (!root) throw new DiscussionException(DiscussionErrorCode.THREAD_ROOT_NOT_FOUND);
    const [marker] = (await this.dataSource.query(
      `INSERT INTO thread_read_markers (member_id, thread_root_id, room_id, last_read_seq) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, thread_root_id)
       DO UPDATE SET last_read_seq = GREATEST(thread_read_markers.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq`,
      [actor.id, threadRootId, roomId, seq],
    )) as { last_read_seq: string }[];
    const lastReadSeq = Number(marker!.last_read_seq);
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE thread_root_id = $1 AND seq > $2 AND deleted_at IS NULL`,
      [threadRootId, lastReadSeq],
    )) as { n: number }[];
    return { unreadCount: count!.n, lastReadSeq };
  }

  /** Moves a member's read marker forward (never back); returns the room's unread count for them. */
  private async markRead(
    actor: Actor,
    roomId: string,
    seq: number,
  ): Promise<{ unreadCount: number; lastReadSeq: number }> {
    const access = await this.rooms.enter(actor, roomId);
    const rows = (await this.dataSource.query(
      `UPDATE room_members rm SET last_read_seq = GREATEST(rm.last_read_seq, LEAST($3::bigint, r.last_seq)), updated_at = now()
         FROM rooms r WHERE r.id = rm.room_id AND rm.room_id = $1 AND rm.member_id = $2
       RETURNING rm.last_read_seq, r.last_seq`,
      [access.room.id, actor.id, seq],
    )) as [{ last_read_seq: string; last_seq: string }[], number];
    const row = rows[0][0]!;
    return { lastReadSeq: Number(row.last_read_seq), unreadCount: Number(row.last_seq) - Number(row.last_read_seq) };
  }
}

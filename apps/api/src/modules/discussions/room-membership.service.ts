import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoomKind, type RoomDirectoryEntry, type RoomResponse, RoomVisibility, type Page } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { escapeLike } from '../../common/search/like.js';
import { fold } from '../../common/search/segmentation.js';
import { SqlParams, whoIsActor } from '../../common/sql/sql-params.js';
import { MembersService } from '../members/members.service.js';
import type { AddRoomMembersDto, RoomDirectoryQueryDto, RoomNotifyLevelDto } from './dto/room.dto.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { RoomMembersRemovedEvent } from './events/room-member-removed.event.js';
import { RoomNotifyLevelChangedEvent } from './events/room-notify-level-changed.event.js';
import { roomAccessSql } from './room-access.js';
import { RoomsService } from './rooms.service.js';

/**
 * Finding rooms and choosing who is in them: the directory of public topic rooms, joining and leaving, moderators
 * adding and removing people in topic rooms, and each member's notification level. Every change publishes an event
 * after it commits (`room.members-added`, `room.members-removed`, `room.notify-level-changed`); `RealtimeListener`
 * turns them into socket events and channel changes.
 */
@Injectable()
export class RoomMembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RoomsService,
    private readonly members: MembersService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Public topic rooms (strategy and eco-label rooms among them) by name, with their member count, matching `q` in
   * name or topic in any script. Asks the room rule like every other read, so it lists only what the actor may open.
   */
  async directory(actor: Actor, query: RoomDirectoryQueryDto): Promise<Page<RoomDirectoryEntry>> {
    const p = new SqlParams();
    const who = whoIsActor(actor, p);
    const filters = [
      `r.kind = '${RoomKind.Topic}'`,
      `r.visibility = '${RoomVisibility.Public}'`,
      'NOT r.archived',
      roomAccessSql('r', 'rm', who),
    ];
    if (query.q) filters.push(`r.search_text LIKE ${p.add(`%${escapeLike(fold(query.q))}%`)} ESCAPE '\\'`);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      filters.push(`(r.name, r.id) > (${p.add(name)}, ${p.add(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.name, r.topic, r.last_message_at, rm.id IS NOT NULL AS joined,
              (SELECT count(*)::int FROM room_members c WHERE c.room_id = r.id) AS member_count
         FROM rooms r LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = ${who.id}
        WHERE ${filters.join(' AND ')}
        ORDER BY r.name, r.id LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as DirectoryRow[];
    return toPage(
      rows,
      query.limit,
      (row) => ({
        id: row.id,
        name: row.name,
        topic: row.topic,
        memberCount: row.member_count,
        joined: row.joined,
        lastMessageAt: row.last_message_at?.toISOString() ?? null,
      }),
      (row) => [row.name, row.id],
    );
  }

  /** Joins a public topic room (idempotent: a room the actor is in already is returned as it is). */
  async join(actor: Actor, roomId: string): Promise<RoomResponse> {
    const { room, membership } = await this.rooms.requireAccess(actor, roomId);
    if (!membership) {
      if (room.archived) throw new DiscussionException(DiscussionErrorCode.ROOM_ARCHIVED);
      await this.rooms.addMembersKeepingRole(roomId, [actor.id]);
      await this.rooms.announceMembers(roomId, [actor.id]);
    }
    return this.rooms.get(actor, roomId);
  }

  /** Leaves a topic or direct room. A group or meeting room follows its group or meeting: 409. */
  async leave(actor: Actor, roomId: string): Promise<void> {
    const { room, membership } = await this.rooms.requireAccess(actor, roomId);
    if (room.kind === RoomKind.Group || room.kind === RoomKind.Meeting) {
      throw new DiscussionException(DiscussionErrorCode.ROOM_LEAVE_NOT_ALLOWED);
    }
    if (!membership) return;
    await this.rooms.removeMember(roomId, actor.id);
    this.events.emit(RoomMembersRemovedEvent.NAME, new RoomMembersRemovedEvent(roomId, [actor.id]));
  }

  /** Moderators add active members to a topic room; the new ones see it in their list at once. */
  async add(actor: Actor, roomId: string, dto: AddRoomMembersDto): Promise<void> {
    await this.requireManagedRoom(actor, roomId);
    const active = await this.members.activeIds(dto.memberIds);
    if (active.size !== dto.memberIds.length) throw new DiscussionException(DiscussionErrorCode.ROOM_MEMBER_NOT_FOUND);
    const added = (await this.dataSource.query(
      `INSERT INTO room_members (room_id, member_id, moderator) SELECT $1, unnest($2::uuid[]), false
       ON CONFLICT (room_id, member_id) DO NOTHING RETURNING member_id`,
      [roomId, dto.memberIds],
    )) as { member_id: string }[];
    await this.rooms.announceMembers(
      roomId,
      added.map((row) => row.member_id),
    );
  }

  /**
   * Moderators remove someone from a topic room. In a private room that ends their access on every channel: the
   * room rule no longer lets them in (REST, `room.join`, sends, search), and their sockets leave its channel.
   */
  async remove(actor: Actor, roomId: string, memberId: string): Promise<void> {
    await this.requireManagedRoom(actor, roomId);
    const removed = (await this.dataSource.query(
      `DELETE FROM room_members WHERE room_id = $1 AND member_id = $2 RETURNING member_id`,
      [roomId, memberId],
    )) as [unknown[], number];
    if (removed[1] === 0) throw new DiscussionException(DiscussionErrorCode.NOT_IN_ROOM);
    this.events.emit(RoomMembersRemovedEvent.NAME, new RoomMembersRemovedEvent(roomId, [memberId]));
  }

  /** What the actor hears of a room (joining a public topic room first, as reading it does). */
  async setNotifyLevel(actor: Actor, roomId: string, dto: RoomNotifyLevelDto): Promise<RoomResponse> {
    await this.rooms.enter(actor, roomId);
    await this.dataSource.query(
      `UPDATE room_members SET notify_level = $3, updated_at = now() WHERE room_id = $1 AND member_id = $2`,
      [roomId, actor.id, dto.notifyLevel],
    );
    this.events.emit(
      RoomNotifyLevelChangedEvent.NAME,
      new RoomNotifyLevelChangedEvent(actor.id, roomId, dto.notifyLevel),
    );
    return this.rooms.get(actor, roomId);
  }

  private async requireManagedRoom(actor: Actor, roomId: string): Promise<void> {
    const { room, moderator } = await this.rooms.requireAccess(actor, roomId);
    if (!moderator) throw new DiscussionException(DiscussionErrorCode.NOT_A_MODERATOR);
    if (room.kind !== RoomKind.Topic) throw new DiscussionException(DiscussionErrorCode.ROOM_MEMBERSHIP_FIXED);
    if (room.archived) throw new DiscussionException(DiscussionErrorCode.ROOM_ARCHIVED);
  }
}

interface DirectoryRow {
  id: string;
  name: string;
  topic: string | null;
  last_message_at: Date | null;
  joined: boolean;
  member_count: number;
}

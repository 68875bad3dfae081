import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { isUUID } from 'class-validator';
import { CommonErrorCode, MemberStatus, type Page, RoomKind, type RoomResponse, RoomVisibility } from '@lcc/contracts';
import { preparedQuery } from '@lcc/database';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { fold } from '../../common/search/segmentation.js';
import { batchWhileBusy } from '../../common/sql/batch-while-busy.js';
import { SqlParams, whoIsActor, whoIsActorAt, whoIsMemberRow } from '../../common/sql/sql-params.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MembersService } from '../members/members.service.js';
import type { CreateRoomDto, ListRoomsQueryDto, UpdateRoomDto } from './dto/room.dto.js';
import { RoomMember } from './entities/room-member.entity.js';
import { Room } from './entities/room.entity.js';
import { DiscussionErrorCode, DiscussionException } from './discussions.exception.js';
import { RoomMembersAddedEvent } from './events/room-members-added.event.js';
import { roomAccessSql } from './room-access.js';
import { RoomViewsService } from './room-views.service.js';
import { rejectNulls } from '../../common/validation/fields.js';

const MAX_DIRECT_MEMBERS = 20;

export interface RoomAccess {
  room: Room;
  membership: RoomMember | null;
  moderator: boolean;
}

/**
 * Rooms and who is in them. A room is visible to its members (and a public topic room to every active member);
 * anything else is 404. Group rooms follow their group's membership through its events.
 */
@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(RoomMember) private readonly roomMembers: Repository<RoomMember>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly members: MembersService,
    private readonly events: EventEmitter2,
    private readonly views: RoomViewsService,
  ) {}

  async requireAccess(actor: Actor, roomId: string): Promise<RoomAccess> {
    // A bad id in a batch would fail every read in it.
    if (!isUUID(roomId)) throw new DiscussionException(DiscussionErrorCode.ROOM_NOT_FOUND);
    const row = await this.accessRows.load({ roomId, memberId: actor.id });
    const publicTopic = row?.kind === RoomKind.Topic && row.visibility === RoomVisibility.Public;
    const followsItsReason = row?.kind === RoomKind.Group || row?.kind === RoomKind.Meeting;
    if (!row || !(publicTopic || row.rm_id) || (followsItsReason && !(await this.ruleAllows(actor, roomId)))) {
      throw new DiscussionException(DiscussionErrorCode.ROOM_NOT_FOUND);
    }
    const room = Object.assign(new Room(), {
      id: row.id,
      kind: row.kind,
      name: row.name,
      topic: row.topic,
      visibility: row.visibility,
      workingGroupId: row.working_group_id,
      meetingId: row.meeting_id,
      archived: row.archived,
      lastSeq: Number(row.last_seq),
      lastMessageAt: row.last_message_at,
      createdById: row.created_by_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    const membership = row.rm_id
      ? Object.assign(new RoomMember(), {
          id: row.rm_id,
          roomId,
          memberId: actor.id,
          moderator: row.rm_moderator === true,
          lastReadSeq: Number(row.rm_last_read_seq ?? 0),
        })
      : null;
    // Coordinators and admins moderate every room they are in, as group leads do theirs.
    return {
      room,
      membership,
      moderator: (membership?.moderator ?? false) || (membership !== null && isNetworkStaff(actor)),
    };
  }

  /**
   * The room and the member's membership in one round trip: this runs on most room actions, so the reads asked for
   * while one runs go together in the next. Whether a group or a meeting room still lets its member in is the rest
   * of the rule (`roomAccessSql`), asked only of those rooms: its sub-queries cost more to plan than the whole read
   * of a topic or direct room.
   */
  private readonly accessRows = batchWhileBusy<{ roomId: string; memberId: string }, RawAccessRow | undefined>(
    async (keys) => {
      const rows = await preparedQuery<RawAccessRow & { n: string }>(
        this.dataSource,
        'room-access-rows',
        `SELECT q.n, r.id, r.kind, r.name, r.topic, r.visibility, r.working_group_id, r.meeting_id, r.archived,
                r.last_seq, r.last_message_at, r.created_by_id, r.created_at, r.updated_at,
                rm.id AS rm_id, rm.moderator AS rm_moderator, rm.last_read_seq AS rm_last_read_seq
           FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(room_id, member_id, n)
           JOIN rooms r ON r.id = q.room_id
           LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = q.member_id`,
        [keys.map((k) => k.roomId), keys.map((k) => k.memberId)],
      );
      const byKey = new Map(rows.map((row) => [Number(row.n) - 1, row]));
      return keys.map((_, index) => byKey.get(index));
    },
  );

  /**
   * The whole room rule for one room and the actor (`roomAccessSql`), prepared: its text differs only by whether
   * the actor is network staff, so each of the two is planned once per connection.
   */
  private async ruleAllows(actor: Actor, roomId: string): Promise<boolean> {
    const p = new SqlParams();
    const roomParam = p.add(roomId);
    const who = whoIsActor(actor, p);
    const rows = await preparedQuery(
      this.dataSource,
      `room-rule-${who.staff === 'TRUE' ? 'staff' : 'member'}`,
      `SELECT 1 FROM rooms r LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = ${who.id}
        WHERE r.id = ${roomParam} AND ${roomAccessSql('r', 'rm', who)}`,
      p.values,
    );
    return rows.length > 0;
  }

  /** Access, becoming a member of a public topic room on first use (so unread counts and lists include it). */
  async enter(actor: Actor, roomId: string): Promise<RoomAccess> {
    const access = await this.requireAccess(actor, roomId);
    if (access.membership) return access;
    await this.addMembers(this.dataSource.manager, roomId, [actor.id], false);
    return this.requireAccess(actor, roomId);
  }

  async create(actor: Actor, dto: CreateRoomDto): Promise<RoomResponse> {
    const others = (dto.memberIds ?? []).filter((id) => id !== actor.id);
    if (dto.kind === RoomKind.Direct && (others.length < 1 || others.length > MAX_DIRECT_MEMBERS - 1)) {
      throw new DiscussionException(DiscussionErrorCode.TOO_MANY_ROOM_MEMBERS, 'A direct room has 2 to 20 members', [
        { field: 'memberIds', message: 'name 1 to 19 other members' },
      ]);
    }
    if (dto.kind === RoomKind.Topic && !dto.name) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'A topic room needs a name', [
        { field: 'name', message: 'name is required for a topic room' },
      ]);
    }
    if (others.length) {
      const active = await this.members.activeIds(others);
      if (active.size !== others.length) throw new DiscussionException(DiscussionErrorCode.ROOM_MEMBER_NOT_FOUND);
    }
    // Writing to someone again opens the conversation you already have with them, as in every chat tool.
    if (dto.kind === RoomKind.Direct && others.length === 1) {
      const existing = await this.directRoomOf(actor.id, others[0]!);
      if (existing) return this.get(actor, existing);
    }
    const room = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Room).save({
        kind: dto.kind,
        name: dto.name ?? null,
        topic: dto.topic ?? null,
        visibility: dto.kind === RoomKind.Topic ? (dto.visibility ?? RoomVisibility.Public) : RoomVisibility.Private,
        searchText: roomSearchText(dto.name ?? null, dto.topic ?? null),
        createdById: actor.id,
      });
      await this.addMembers(manager, saved.id, [actor.id], dto.kind === RoomKind.Topic);
      await this.addMembers(manager, saved.id, others, false);
      return saved;
    });
    // Everyone in it (the creator's other tabs too) sees the new room in their list at once.
    this.announceMembers(room.id, [actor.id, ...others]);
    return this.get(actor, room.id);
  }

  /** Publishes `room.members-added` with the room as each of these members sees it (after the caller's commit). */
  async announceMembers(roomId: string, memberIds: string[]): Promise<void> {
    const views = await this.views.forMembers(roomId, memberIds);
    if (views.length) this.events.emit(RoomMembersAddedEvent.NAME, new RoomMembersAddedEvent(views));
  }

  /** The direct room of exactly these two members, if they have one. */
  private async directRoomOf(a: string, b: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT r.id FROM rooms r
         JOIN room_members ra ON ra.room_id = r.id AND ra.member_id = $1
         JOIN room_members rb ON rb.room_id = r.id AND rb.member_id = $2
        WHERE r.kind = '${RoomKind.Direct}' AND NOT r.archived
          AND (SELECT count(*) FROM room_members rc WHERE rc.room_id = r.id) = 2
        ORDER BY r.created_at LIMIT 1`,
      [a, b],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async get(actor: Actor, roomId: string): Promise<RoomResponse> {
    await this.requireAccess(actor, roomId);
    return (await this.views.rooms(actor.id, (qb) => qb.andWhere('r.id = :roomId', { roomId })))[0]!;
  }

  /** My rooms, most recently active first, with unread and mention counts and the last message. */
  async listMine(actor: Actor, query: ListRoomsQueryDto): Promise<Page<RoomResponse>> {
    const responses = await this.views.rooms(actor.id, (qb) => {
      qb.andWhere('rm.id IS NOT NULL')
        .andWhere(roomAccessSql('r', 'rm', whoIsActorAt(actor, ':actorId')))
        .orderBy('activity_at', 'DESC')
        .addOrderBy('r.id', 'DESC');
      if (query.cursor) {
        const [activityAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
        qb.andWhere('(COALESCE(r.last_message_at, r.created_at), r.id) < (:activityAt, :id)', { activityAt, id });
      }
      return qb.limit(query.limit + 1);
    });
    return toPage(
      responses,
      query.limit,
      (r) => r,
      (r) => [r.lastMessageAt ?? r.createdAt, r.id],
    );
  }

  /** Moderators rename, re-topic or archive a room (a group room keeps its group's name). */
  async update(actor: Actor, roomId: string, dto: UpdateRoomDto): Promise<RoomResponse> {
    rejectNulls(dto, ['name', 'archived']);
    const { room, moderator } = await this.requireAccess(actor, roomId);
    if (!moderator) throw new DiscussionException(DiscussionErrorCode.NOT_A_MODERATOR);
    const changes: Partial<Pick<Room, 'name' | 'topic' | 'archived' | 'searchText'>> = {};
    if (dto.name !== undefined && room.kind !== RoomKind.Group) changes.name = dto.name;
    if (dto.topic !== undefined) changes.topic = dto.topic;
    if (dto.archived !== undefined) changes.archived = dto.archived;
    const searchText =
      changes.name !== undefined || changes.topic !== undefined
        ? roomSearchText(changes.name ?? room.name, changes.topic !== undefined ? changes.topic : room.topic)
        : undefined;
    if (searchText !== undefined) changes.searchText = searchText;
    // Only the changed columns: saving the whole entity would write back the lastSeq it was read with, undoing
    // the seqs of messages sent meanwhile.
    if (Object.keys(changes).length) await this.rooms.update({ id: roomId }, changes);
    return this.get(actor, roomId);
  }

  /** Creates the room of a new group with its creator as moderator (idempotent). */
  async openGroupRoom(workingGroupId: string, name: string, creatorId: string): Promise<Room> {
    await this.rooms
      .createQueryBuilder()
      .insert()
      .values({
        kind: RoomKind.Group,
        name,
        workingGroupId,
        visibility: RoomVisibility.Private,
        createdById: creatorId,
      })
      .orIgnore()
      .execute();
    const room = await this.rooms.findOneByOrFail({ workingGroupId, kind: RoomKind.Group });
    await this.addMembers(this.dataSource.manager, room.id, [creatorId], true);
    return room;
  }

  /**
   * Opens (or returns) the room of a meeting: its invitees are the members, the organiser and those who may manage
   * the meeting moderate it.
   */
  async openMeetingRoom(actor: Actor, meetingId: string): Promise<RoomResponse> {
    const { meeting, canManage } = await this.meetings.requireVisible(actor, meetingId);
    const existing = await this.rooms.findOneBy({ meetingId, kind: RoomKind.Meeting });
    if (existing) return this.get(actor, existing.id);
    if (!canManage) throw new DiscussionException(DiscussionErrorCode.NOT_A_MODERATOR);
    const invitees = (await this.meetings.inviteesOf([meetingId])).get(meetingId) ?? [];
    await this.rooms
      .createQueryBuilder()
      .insert()
      .values({
        kind: RoomKind.Meeting,
        name: meeting.title,
        meetingId,
        visibility: RoomVisibility.Private,
        createdById: actor.id,
      })
      .orIgnore()
      .execute();
    const room = await this.rooms.findOneByOrFail({ meetingId, kind: RoomKind.Meeting });
    await this.addMembers(
      this.dataSource.manager,
      room.id,
      invitees.map((i) => i.memberId).filter((id) => id !== actor.id),
      false,
    );
    await this.addMembers(this.dataSource.manager, room.id, [actor.id], true);
    return this.get(actor, room.id);
  }

  async meetingRoom(meetingId: string): Promise<Room | null> {
    return this.rooms.findOneBy({ meetingId, kind: RoomKind.Meeting });
  }

  /** A group's room follows the group: its name, and archived while the group is. */
  async followGroup(workingGroupId: string, changes: { name?: string; archived?: boolean }): Promise<void> {
    await this.rooms.update({ workingGroupId, kind: RoomKind.Group }, changes);
  }

  async groupRoom(workingGroupId: string): Promise<Room | null> {
    return this.rooms.findOneBy({ workingGroupId, kind: RoomKind.Group });
  }

  async addMembers(manager: EntityManager, roomId: string, memberIds: string[], moderator: boolean): Promise<void> {
    if (memberIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(RoomMember)
      .values(memberIds.map((memberId) => ({ roomId, memberId, moderator })))
      .orUpdate(['moderator'], ['room_id', 'member_id'])
      .execute();
  }

  /** The members of a room the actor may see, by name. */
  async membersOf(
    actor: Actor,
    roomId: string,
  ): Promise<{ memberId: string; displayName: string; moderator: boolean }[]> {
    await this.requireAccess(actor, roomId);
    const rows = (await this.roomMembers.find({
      where: { roomId },
      relations: { member: true },
    })) as RoomMember[];
    return rows
      .map((row) => ({ memberId: row.memberId, displayName: row.member.displayName, moderator: row.moderator }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /**
   * Which of `memberIds` may still be in which of `roomIds` (`roomAccessSql`), as `roomId memberId` keys: asked after
   * a change of membership, role or visibility, to take away the socket channels that no longer belong.
   */
  async allowedPairs(roomIds: string[], memberIds: string[]): Promise<Set<string>> {
    if (roomIds.length === 0 || memberIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT r.id AS room_id, mem.id AS member_id
         FROM rooms r CROSS JOIN members mem
         LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = mem.id
        WHERE r.id = ANY($1::uuid[]) AND mem.id = ANY($2::uuid[]) AND mem.status = '${MemberStatus.Active}'
          AND ${roomAccessSql('r', 'rm', whoIsMemberRow('mem'))}`,
      [roomIds, memberIds],
    )) as { room_id: string; member_id: string }[];
    return new Set(rows.map((r) => `${r.room_id} ${r.member_id}`));
  }

  /** The rooms that belong to a working group: its own room and the rooms of its meetings. */
  async roomIdsOfGroup(workingGroupId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id FROM rooms r WHERE r.working_group_id = $1
       UNION SELECT r.id FROM rooms r JOIN meetings m ON m.id = r.meeting_id WHERE m.working_group_id = $1`,
      [workingGroupId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The rooms a member is in, asked when their presence changes, so at every first connection: the members who
   * connect while one read runs are read together in the next.
   */
  roomIdsOf(memberId: string): Promise<string[]> {
    return this.roomIdsOfMembers.load(memberId);
  }

  private readonly roomIdsOfMembers = batchWhileBusy<string, string[]>(async (memberIds) => {
    const rows = await preparedQuery<{ member_id: string; room_ids: string[] }>(
      this.dataSource,
      'room-ids-of-members',
      `SELECT member_id, array_agg(room_id) AS room_ids FROM room_members WHERE member_id = ANY($1::uuid[])
        GROUP BY member_id`,
      [memberIds],
    );
    const byMember = new Map(rows.map((r) => [r.member_id, r.room_ids]));
    return memberIds.map((id) => byMember.get(id) ?? []);
  });

  /** Adds members who are not in the room yet, leaving existing members (and moderators) as they are. */
  async addMembersKeepingRole(roomId: string, memberIds: string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await this.roomMembers
      .createQueryBuilder()
      .insert()
      .values(memberIds.map((memberId) => ({ roomId, memberId, moderator: false })))
      .orIgnore()
      .execute();
  }

  async removeMember(roomId: string, memberId: string): Promise<void> {
    await this.roomMembers.delete({ roomId, memberId });
  }

  /**
   * A deleted account leaves every room but its direct conversations, where the others keep the exchange with a
   * "Former member" (who can no longer read or write).
   */
  async removeFromAllRooms(memberId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM room_members rm USING rooms r
        WHERE rm.room_id = r.id AND rm.member_id = $1 AND r.kind <> '${RoomKind.Direct}'`,
      [memberId],
    );
  }
}

/** Name and topic folded for the directory's substring search (any script; see `fold`). */
export function roomSearchText(name: string | null, topic: string | null): string {
  return fold([name, topic].filter(Boolean).join(' \u241f '));
}

interface RawAccessRow {
  id: string;
  kind: RoomKind;
  name: string | null;
  topic: string | null;
  visibility: RoomVisibility;
  working_group_id: string | null;
  meeting_id: string | null;
  archived: boolean;
  last_seq: string;
  last_message_at: Date | null;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  rm_id: string | null;
  rm_moderator: boolean | null;
  rm_last_read_seq: string | null;
}

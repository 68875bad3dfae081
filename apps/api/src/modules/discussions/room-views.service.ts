import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { RoomKind, RoomNotifyLevel, type RoomResponse } from '@lcc/contracts';
import { Message } from './entities/message.entity.js';
import { RoomMember } from './entities/room-member.entity.js';
import { Room } from './entities/room.entity.js';
import { toMessageResponse } from './message-view.js';

/**
 * Rooms as one member sees them: their unread and mention counts, their notification level, the last message,
 * and for a direct room the people in it. Access is the caller's question (`RoomsService.requireAccess`, or a
 * `roomAccessSql` filter added to the query); this only shapes the answer.
 */
@Injectable()
export class RoomViewsService {
  constructor(
    @InjectRepository(Room) private readonly roomRepository: Repository<Room>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The rooms the query (narrowed by `where`; the rooms alias is `r`, the viewer's membership `rm`) finds. */
  async rooms(
    viewerId: string,
    where: (qb: SelectQueryBuilder<Room>) => SelectQueryBuilder<Room>,
  ): Promise<RoomResponse[]> {
    const rows = await where(this.roomRows(viewerId)).getRawAndEntities();
    return this.toResponses(rows.entities, rows.raw as RawRoomRow[]);
  }

  /** One room as each of these members sees it (for `room.added`; they were just put in it). */
  async forMembers(roomId: string, memberIds: string[]): Promise<{ memberId: string; room: RoomResponse }[]> {
    const views: { memberId: string; room: RoomResponse }[] = [];
    for (const memberId of memberIds) {
      const [room] = await this.rooms(memberId, (qb) => qb.andWhere('r.id = :roomId', { roomId }));
      if (room) views.push({ memberId, room });
    }
    return views;
  }

  private roomRows(memberId: string) {
    return this.roomRepository
      .createQueryBuilder('r')
      .addSelect('COALESCE(r.last_message_at, r.created_at)', 'activity_at')
      .leftJoin(RoomMember, 'rm', 'rm.roomId = r.id AND rm.memberId = :actorId', { actorId: memberId })
      .addSelect('rm.last_read_seq', 'last_read_seq')
      .addSelect('rm.moderator', 'moderator')
      .addSelect('rm.notify_level', 'notify_level')
      .addSelect(
        `(SELECT count(*)::int FROM messages mm WHERE mm.room_id = r.id AND mm.seq > COALESCE(rm.last_read_seq, 0)
           AND mm.deleted_at IS NULL AND :actorId = ANY(mm.mention_ids))`,
        'mention_count',
      )
      .addSelect(`(SELECT m.id FROM messages m WHERE m.room_id = r.id ORDER BY m.seq DESC LIMIT 1)`, 'last_message_id');
  }

  /** Everyone in each of these (direct) rooms, by name: readers name a direct room after the others. */
  private async peopleOf(roomIds: string[]): Promise<Map<string, { id: string; displayName: string }[]>> {
    const people = new Map<string, { id: string; displayName: string }[]>();
    if (roomIds.length === 0) return people;
    const rows = (await this.dataSource.query(
      `SELECT rm.room_id, m.id, m.display_name FROM room_members rm JOIN members m ON m.id = rm.member_id
        WHERE rm.room_id = ANY($1::uuid[]) ORDER BY m.display_name, m.id`,
      [roomIds],
    )) as { room_id: string; id: string; display_name: string }[];
    for (const row of rows) {
      const list = people.get(row.room_id) ?? [];
      list.push({ id: row.id, displayName: row.display_name });
      people.set(row.room_id, list);
    }
    return people;
  }

  private async toResponses(rooms: Room[], raw: RawRoomRow[]): Promise<RoomResponse[]> {
    const lastIds = raw.map((r) => r.last_message_id).filter((id): id is string => Boolean(id));
    const lastMessages = lastIds.length
      ? await this.dataSource.getRepository(Message).find({ where: { id: In(lastIds) }, relations: { author: true } })
      : [];
    const people = await this.peopleOf(rooms.filter((room) => room.kind === RoomKind.Direct).map((room) => room.id));
    return rooms.map((room) => {
      const row = raw.find((r) => r.r_id === room.id)!;
      const last = lastMessages.find((m) => m.id === row.last_message_id);
      const lastRead = Number(row.last_read_seq ?? room.lastSeq);
      return {
        id: room.id,
        kind: room.kind,
        name: room.name,
        topic: room.topic,
        visibility: room.visibility,
        workingGroupId: room.workingGroupId,
        meetingId: room.meetingId,
        archived: room.archived,
        lastSeq: room.lastSeq,
        lastMessage: last ? toMessageResponse(last) : null,
        lastMessageAt: room.lastMessageAt?.toISOString() ?? null,
        unreadCount: Math.max(0, room.lastSeq - lastRead),
        lastReadSeq: Math.min(lastRead, room.lastSeq),
        mentionCount: Number(row.mention_count ?? 0),
        moderator: row.moderator === true,
        notifyLevel: row.notify_level ?? RoomNotifyLevel.All,
        people: room.kind === RoomKind.Direct ? (people.get(room.id) ?? []) : null,
        createdAt: room.createdAt.toISOString(),
      };
    });
  }
}

interface RawRoomRow {
  r_id: string;
  last_read_seq: string | null;
  moderator: boolean | null;
  notify_level: RoomNotifyLevel | null;
  mention_count: number | null;
  last_message_id: string | null;
}

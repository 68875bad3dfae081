import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationType } from '@lcc/contracts';
import { whoIsMemberRow } from '../../common/sql/sql-params.js';
import { type NotificationSubject, NotificationSubjects } from '../notifications/notification-subjects.service.js';
import { roomAccessSql } from './room-access.js';

const ROOM_TYPES = [NotificationType.MessageMention, NotificationType.RoomMention, NotificationType.DirectMessage];

/** Waiting mail about a message goes out only while its member may still read the room (`roomAccessSql`). */
@Injectable()
export class RoomNotificationSubjects implements OnModuleInit {
  constructor(private readonly subjects: NotificationSubjects) {}

  onModuleInit(): void {
    this.subjects.register(ROOM_TYPES, (manager, notifications) => readableRooms(manager, notifications));
  }
}

async function readableRooms(manager: EntityManager, notifications: NotificationSubject[]): Promise<Set<string>> {
  const rows = (await manager.query(
    `SELECT n.id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS n(id, member_id, room_id)
       JOIN rooms r ON r.id = n.room_id
       JOIN members mem ON mem.id = n.member_id
       LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = mem.id
      WHERE ${roomAccessSql('r', 'rm', whoIsMemberRow('mem'))}`,
    [notifications.map((n) => n.id), notifications.map((n) => n.memberId), notifications.map((n) => n.data.roomId)],
  )) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

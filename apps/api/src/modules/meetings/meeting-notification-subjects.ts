import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationType } from '@lcc/contracts';
import { whoIsMemberRow } from '../../common/sql/sql-params.js';
import { type NotificationSubject, NotificationSubjects } from '../notifications/notification-subjects.service.js';
import { meetingVisibleSql } from './meeting-access.js';

const MEETING_TYPES = [
  NotificationType.MeetingInvited,
  NotificationType.MeetingUpdated,
  NotificationType.MeetingCancelled,
  NotificationType.MeetingMinutes,
  NotificationType.MeetingReminder,
  NotificationType.ActionItemAssigned,
  NotificationType.ActionItemDue,
];

/** Waiting mail about a meeting goes out only while its member may still see the meeting (`meetingVisibleSql`). */
@Injectable()
export class MeetingNotificationSubjects implements OnModuleInit {
  constructor(private readonly subjects: NotificationSubjects) {}

  onModuleInit(): void {
    this.subjects.register(MEETING_TYPES, (manager, notifications) => visibleMeetings(manager, notifications));
  }
}

async function visibleMeetings(manager: EntityManager, notifications: NotificationSubject[]): Promise<Set<string>> {
  const rows = (await manager.query(
    `SELECT n.id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS n(id, member_id, meeting_id)
       JOIN meetings m ON m.id = n.meeting_id
       JOIN members mem ON mem.id = n.member_id
      WHERE ${meetingVisibleSql('m', whoIsMemberRow('mem'))}`,
    [notifications.map((n) => n.id), notifications.map((n) => n.memberId), notifications.map((n) => n.data.meetingId)],
  )) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

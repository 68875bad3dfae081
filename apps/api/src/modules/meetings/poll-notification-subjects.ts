import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationType } from '@lcc/contracts';
import { whoIsMemberRow } from '../../common/sql/sql-params.js';
import { type NotificationSubject, NotificationSubjects } from '../notifications/notification-subjects.service.js';
import { groupInsiderSql } from '../working-groups/group-access.js';

/** Waiting mail about a poll goes out only while its member may still see inside the poll's group. */
@Injectable()
export class PollNotificationSubjects implements OnModuleInit {
  constructor(private readonly subjects: NotificationSubjects) {}

  onModuleInit(): void {
    this.subjects.register([NotificationType.PollOpened, NotificationType.PollReminder], visiblePolls);
  }
}

async function visiblePolls(manager: EntityManager, notifications: NotificationSubject[]): Promise<Set<string>> {
  const rows = (await manager.query(
    `SELECT n.id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS n(id, member_id, poll_id)
       JOIN polls p ON p.id = n.poll_id
       JOIN members mem ON mem.id = n.member_id
      WHERE ${groupInsiderSql('p.working_group_id', whoIsMemberRow('mem'))}`,
    [notifications.map((n) => n.id), notifications.map((n) => n.memberId), notifications.map((n) => n.data.pollId)],
  )) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemberStatus, NotificationType, PollStatus } from '@lcc/contracts';
import { PeriodicRun } from '../../common/jobs/periodic-run.js';
import type { Env } from '../../config/env.validation.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { groupMemberIdsSql } from '../working-groups/group-access.js';
import { notificationParams } from './polls.service.js';

/** How long before its deadline a poll reminds those who have not answered. */
const BEFORE_DEADLINE_MS = 24 * 3600 * 1000;

interface DuePollRow {
  id: string;
  title: string;
  working_group_id: string;
  deadline: Date;
  group_name: string;
}

/**
 * A day before a poll's deadline, the group's active members who have answered no slot are reminded, once: the
 * poll is claimed with `FOR UPDATE SKIP LOCKED` in the transaction that writes the notifications, so several
 * instances never remind twice.
 */
@Injectable()
export class PollRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new PeriodicRun(
    () => this.runDue(),
    new Logger(PollRemindersService.name),
    'poll reminders failed',
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.config.get('REMINDER_POLL_INTERVAL_MS', { infer: true }));
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** Reminds for every open poll whose deadline is less than a day after `now` (and not past); returns how many. */
  async runDue(now = new Date()): Promise<number> {
    const { claimed, created } = await this.dataSource.transaction(async (manager) => {
      const polls = (await manager.query(
        `UPDATE polls p SET reminder_sent_at = now()
           FROM working_groups g
          WHERE g.id = p.working_group_id
            AND p.id IN (SELECT id FROM polls WHERE status = $1 AND reminder_sent_at IS NULL
                           AND deadline > $2 AND deadline <= $3
                         ORDER BY deadline LIMIT 100 FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.title, p.working_group_id, p.deadline, g.name AS group_name`,
        [PollStatus.Open, now, new Date(now.getTime() + BEFORE_DEADLINE_MS)],
      )) as [DuePollRow[], number];
      const rows = polls[0];
      if (rows.length === 0) return { claimed: 0, created: [] };
      const waiting = (await manager.query(
        `SELECT p.id AS poll_id, gm.member_id
           FROM polls p
           JOIN LATERAL (${groupMemberIdsSql('p.working_group_id')}) gm ON TRUE
           JOIN members mem ON mem.id = gm.member_id AND mem.status = '${MemberStatus.Active}'
          WHERE p.id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.member_id = gm.member_id)`,
        [rows.map((row) => row.id)],
      )) as { poll_id: string; member_id: string }[];
      const created = await this.notifications.create(
        waiting.map(({ poll_id: pollId, member_id: memberId }) => {
          const row = rows.find((candidate) => candidate.id === pollId)!;
          const poll = { id: row.id, title: row.title, workingGroupId: row.working_group_id, deadline: row.deadline };
          return { memberId, type: NotificationType.PollReminder, data: notificationParams(poll, row.group_name) };
        }),
        manager,
      );
      return { claimed: rows.length, created };
    });
    await this.notifications.announce(created);
    return claimed;
  }
}

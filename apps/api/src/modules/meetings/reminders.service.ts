import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { MeetingStatus, MemberStatus, NotificationType, RsvpResponse } from '@lcc/contracts';
import { whoIsMemberRow } from '../../common/sql/sql-params.js';
import { PeriodicRun } from '../../common/jobs/periodic-run.js';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { type MailMessage, MailService } from '../mail/mail.service.js';
import { meetingMail } from '../mail/mail.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MeetingReminder } from './entities/meeting-reminder.entity.js';
import { MeetingMailService } from './meeting-mail.service.js';
import { meetingVisibleSql } from './meeting-access.js';
import type { Meeting } from './entities/meeting.entity.js';

interface ReminderRow {
  id: string;
  kind: string;
  meeting_id: string;
  title: string;
  working_group_id: string;
  starts_at: Date;
  ends_at: Date;
  venue: string | null;
  online_url: string | null;
  group_name: string;
  organizer_name: string | null;
}

const KINDS = [
  { kind: '24h', beforeMs: 24 * 3600 * 1000 },
  { kind: '1h', beforeMs: 3600 * 1000 },
] as const;

/**
 * Reminders 24 h and 1 h before a meeting, as in-app notifications and e-mail to accepted and tentative invitees.
 * Due rows are claimed with `FOR UPDATE SKIP LOCKED` in the transaction that writes the notifications and the
 * outbox rows, so several instances running the job never send one twice.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new PeriodicRun(() => this.runDue(), new Logger(RemindersService.name), 'reminder run failed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: ConfigService<Env, true>,
    private readonly mail: MailService,
    private readonly meetingMail: MeetingMailService,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.config.get('REMINDER_POLL_INTERVAL_MS', { infer: true }));
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** Replaces a meeting's unsent reminders with the ones still in the future (none once cancelled). */
  async sync(manager: EntityManager, meeting: Meeting): Promise<void> {
    const repository = manager.getRepository(MeetingReminder);
    await repository.delete({ meetingId: meeting.id, sentAt: IsNull() });
    if (meeting.status !== MeetingStatus.Scheduled) return;
    const now = Date.now();
    const due = KINDS.map(({ kind, beforeMs }) => ({
      meetingId: meeting.id,
      kind,
      dueAt: new Date(meeting.startsAt.getTime() - beforeMs),
    })).filter((r) => r.dueAt.getTime() > now);
    if (due.length) await repository.createQueryBuilder().insert().values(due).orIgnore().execute();
  }

  /** Sends every reminder due by `now`; returns how many reminders it claimed. */
  async runDue(now = new Date()): Promise<number> {
    const { claimed, created } = await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT r.id, r.kind, m.id AS meeting_id, m.title, m.working_group_id, m.starts_at, m.ends_at, m.venue,
                m.online_url, g.name AS group_name, o.display_name AS organizer_name
           FROM meeting_reminders r JOIN meetings m ON m.id = r.meeting_id
           JOIN working_groups g ON g.id = m.working_group_id
           LEFT JOIN members o ON o.id = m.organizer_id
          WHERE r.sent_at IS NULL AND r.due_at <= $1 AND m.status = $2
          ORDER BY r.due_at
          LIMIT 200
          FOR UPDATE OF r SKIP LOCKED`,
        [now, MeetingStatus.Scheduled],
      )) as ReminderRow[];
      if (rows.length === 0) return { claimed: 0, created: [] };
      await manager.query(`UPDATE meeting_reminders SET sent_at = now(), updated_at = now() WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      const invitees = (await manager.query(
        `SELECT i.meeting_id, i.member_id, mem.email, mem.display_name, mem.language, mem.time_zone
           FROM meeting_invitees i
           JOIN meetings m ON m.id = i.meeting_id
           JOIN members mem ON mem.id = i.member_id AND mem.status = '${MemberStatus.Active}'
          WHERE i.meeting_id = ANY($1) AND i.response = ANY($2) AND ${meetingVisibleSql('m', whoIsMemberRow('mem'))}`,
        [[...new Set(rows.map((r) => r.meeting_id))], [RsvpResponse.Accepted, RsvpResponse.Tentative]],
      )) as {
        meeting_id: string;
        member_id: string;
        email: string;
        display_name: string;
        language: string;
        time_zone: string;
      }[];
      const created = await this.notifications.create(
        rows.flatMap((row) =>
          invitees
            .filter((i) => i.meeting_id === row.meeting_id)
            .map((i) => ({
              memberId: i.member_id,
              type: NotificationType.MeetingReminder,
              data: {
                meetingId: row.meeting_id,
                workingGroupId: row.working_group_id,
                meetingTitle: row.title,
                groupName: row.group_name,
                reminder: row.kind,
              },
            })),
        ),
        manager,
      );
      // The in-app reminder is written for everyone above; the e-mail only for those who take meeting mail.
      const taking = await this.meetingMail.taking(manager, [...new Set(invitees.map((i) => i.member_id))]);
      const base = publicUrl(this.config);
      const messages: MailMessage[] = [];
      for (const row of rows) {
        for (const i of invitees.filter((i) => i.meeting_id === row.meeting_id && taking.has(i.member_id))) {
          const { headers, ...links } = await this.meetingMail.unsubscribe(i.member_id);
          messages.push({
            kind: `meeting_reminder_${row.kind}`,
            to: { address: i.email, name: i.display_name },
            language: i.language,
            content: meetingMail({
              kind: row.kind === '1h' ? 'reminder_1h' : 'reminder_24h',
              language: i.language,
              timeZone: i.time_zone,
              recipientName: i.display_name,
              title: row.title,
              group: row.group_name,
              organizer: row.organizer_name ?? '',
              startsAt: new Date(row.starts_at),
              endsAt: new Date(row.ends_at),
              venue: row.venue,
              onlineUrl: row.online_url,
              url: `${base}/meetings/${row.meeting_id}`,
              ...links,
            }),
            headers,
          });
        }
      }
      await this.mail.enqueue(manager, messages);
      return { claimed: rows.length, created };
    });
    await this.notifications.announce(created);
    return claimed;
  }
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { MailFrequency, MemberStatus, type NotificationMailKind, NotificationType, RoomKind } from '@lcc/contracts';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import {
  digestMail,
  type MailMessage,
  MailService,
  type NotificationMailItem,
  notificationMail,
} from '../mail/mail.service.js';
import type { NotificationMailBatchReason } from './entities/notification-mail-batch.entity.js';
import { Notification } from './entities/notification.entity.js';
import {
  FIELD_OF_KIND,
  KIND_OF_TYPE,
  type MailChoices,
  NOT_DIGESTED,
  nextDigestAt,
  OWN_IMMEDIATE_MAIL,
  quietHoursEnd,
} from './notification-mail-schedule.js';
import { NotificationSubjects } from './notification-subjects.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  language: string;
  time_zone: string;
}

interface BatchRow {
  id: string;
  member_id: string;
  reason: NotificationMailBatchReason;
  due_at: Date;
  notification_ids: string[];
}

const EXCERPT_LENGTH = 280;

/**
 * Notification e-mail. `plan` runs inside the transaction that writes notifications: each one becomes an outbox
 * row at once, waits in a batch for the end of the member's quiet hours or for their daily digest, or nothing,
 * as the member chose for its kind. `runDue(now)` sends the batches due by `now`: claimed with
 * `FOR UPDATE SKIP LOCKED` and deleted in the transaction that writes their mail, so each is sent exactly once
 * however many instances run the job.
 */
@Injectable()
export class NotificationMailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationMailService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesService,
    private readonly subjects: NotificationSubjects,
    private readonly mail: MailService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('NOTIFICATION_MAIL_POLL_INTERVAL_MS', { infer: true });
    if (interval <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.runDue()
        .catch((error: unknown) =>
          this.logger.error({ err: { message: String(error) } }, 'notification mail run failed'),
        )
        .finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Decides, in the caller's transaction, what e-mail each new notification causes, and writes it. */
  async plan(manager: EntityManager, notifications: Notification[], now = new Date()): Promise<void> {
    const mailed = notifications.filter((n) => KIND_OF_TYPE[n.type] !== undefined);
    if (mailed.length === 0) return;
    const memberIds = [...new Set(mailed.map((n) => n.memberId))];
    const recipients = await this.recipients(manager, memberIds);
    const choices = await this.preferences.choicesOf(manager, memberIds);
    const immediate: Notification[] = [];
    const waiting = new Map<
      string,
      { memberId: string; reason: NotificationMailBatchReason; dueAt: Date; ids: string[] }
    >();
    const wait = (memberId: string, reason: NotificationMailBatchReason, dueAt: Date, id: string) => {
      const key = `${memberId}|${reason}|${dueAt.toISOString()}`;
      const batch = waiting.get(key) ?? { memberId, reason, dueAt, ids: [] };
      batch.ids.push(id);
      waiting.set(key, batch);
    };
    for (const n of mailed) {
      const recipient = recipients.get(n.memberId);
      const choice = choices.get(n.memberId)!;
      if (!recipient) continue;
      const frequency = choice[FIELD_OF_KIND[KIND_OF_TYPE[n.type]]];
      if (frequency === MailFrequency.Immediately) {
        if (OWN_IMMEDIATE_MAIL.has(n.type)) continue;
        const until = quietHoursEnd(now, recipient.time_zone, choice.quietHoursStart, choice.quietHoursEnd);
        if (until) wait(n.memberId, 'held', until, n.id);
        else immediate.push(n);
      } else if (frequency === MailFrequency.Daily && !NOT_DIGESTED.has(n.type)) {
        wait(n.memberId, 'digest', nextDigestAt(now, recipient.time_zone, choice.digestHour), n.id);
      }
    }
    for (const batch of waiting.values()) {
      await manager.query(
        `INSERT INTO notification_mail_batches (member_id, reason, due_at, notification_ids)
         VALUES ($1, $2, $3, $4::uuid[])
         ON CONFLICT (member_id, reason, due_at) DO UPDATE
            SET notification_ids = notification_mail_batches.notification_ids || EXCLUDED.notification_ids,
                updated_at = now()`,
        [batch.memberId, batch.reason, batch.dueAt, batch.ids],
      );
    }
    if (immediate.length) {
      await this.mail.enqueue(manager, await this.singleMails(manager, immediate, recipients, choices, false));
    }
  }

  /** Sends the batches due by `now`; returns how many it claimed. */
  async runDue(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const batches = (await manager.query(
        `SELECT id, member_id, reason, due_at, notification_ids FROM notification_mail_batches
          WHERE due_at <= $1 ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
        [now],
      )) as BatchRow[];
      if (batches.length === 0) return 0;
      await manager.query(`DELETE FROM notification_mail_batches WHERE id = ANY($1::uuid[])`, [
        batches.map((b) => b.id),
      ]);
      const memberIds = [...new Set(batches.map((b) => b.member_id))];
      const recipients = await this.recipients(manager, memberIds);
      const choices = await this.preferences.choicesOf(manager, memberIds);
      const ids = [...new Set(batches.flatMap((b) => b.notification_ids))];
      const found = await manager
        .getRepository(Notification)
        .find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
      const byId = new Map(found.map((n) => [n.id, n]));
      // What the member may no longer see (left the group, removed from the room) is dropped, as is a kind whose
      // choice changed to never since the notification waited.
      const open = await this.subjects.stillOpen(manager, found);
      const wanted = (batch: BatchRow) =>
        batch.notification_ids
          .map((id) => byId.get(id))
          .filter((n): n is Notification => {
            if (!n || !open.has(n.id)) return false;
            const choice = choices.get(n.memberId)!;
            return choice[FIELD_OF_KIND[KIND_OF_TYPE[n.type]]] !== MailFrequency.Never;
          })
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const messages: MailMessage[] = [];
      const held = batches.filter((b) => b.reason === 'held').flatMap(wanted);
      messages.push(...(await this.singleMails(manager, held, recipients, choices, true)));
      // Every due digest of one member becomes one summary.
      for (const memberId of memberIds) {
        const items = batches.filter((b) => b.member_id === memberId && b.reason === 'digest').flatMap(wanted);
        const recipient = recipients.get(memberId);
        if (!recipient || items.length === 0) continue;
        const choice = choices.get(memberId)!;
        const described = await this.describe(manager, items);
        const daily = (Object.entries(FIELD_OF_KIND) as [NotificationMailKind, keyof MailChoices][])
          .filter(([, field]) => choice[field] === MailFrequency.Daily)
          .map(([kind]) => kind);
        const { url: unsubscribeUrl, headers } = await this.preferences.unsubscribeHeaders(memberId, 'digest');
        messages.push({
          kind: 'notification_digest',
          to: { address: recipient.email, name: recipient.display_name },
          language: recipient.language,
          content: digestMail({
            language: recipient.language,
            timeZone: recipient.time_zone,
            recipientName: recipient.display_name,
            items: items.map((n) => described.get(n.id)!),
            kinds: daily,
            hour: choice.digestHour,
            until: now,
            settingsUrl: this.settingsUrl(),
            unsubscribeUrl,
          }),
          headers,
        });
      }
      await this.mail.enqueue(manager, messages);
      return batches.length;
    });
  }

  private async singleMails(
    manager: EntityManager,
    notifications: Notification[],
    recipients: Map<string, Recipient>,
    choices: Map<string, MailChoices>,
    held: boolean,
  ): Promise<MailMessage[]> {
    const described = await this.describe(manager, notifications);
    const messages: MailMessage[] = [];
    for (const n of notifications) {
      const recipient = recipients.get(n.memberId);
      if (!recipient) continue;
      const choice = choices.get(n.memberId)!;
      const kind = KIND_OF_TYPE[n.type];
      const { url: unsubscribeUrl, headers } = await this.preferences.unsubscribeHeaders(n.memberId, kind);
      messages.push({
        kind: `notification_${n.type}`.slice(0, 48),
        to: { address: recipient.email, name: recipient.display_name },
        language: recipient.language,
        content: notificationMail({
          language: recipient.language,
          timeZone: recipient.time_zone,
          recipientName: recipient.display_name,
          item: described.get(n.id)!,
          kind,
          held:
            held && choice.quietHoursStart && choice.quietHoursEnd
              ? { start: choice.quietHoursStart, end: choice.quietHoursEnd }
              : null,
          settingsUrl: this.settingsUrl(),
          unsubscribeUrl,
        }),
        headers,
      });
    }
    return messages;
  }

  /** Active members with what their mail needs; suspended or pending members get none. */
  private async recipients(manager: EntityManager, ids: string[]): Promise<Map<string, Recipient>> {
    const rows = (await manager.query(
      `SELECT id, email, display_name, language, time_zone FROM members WHERE id = ANY($1::uuid[]) AND status = $2`,
      [ids, MemberStatus.Active],
    )) as Recipient[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The names each notification's sentence needs, read now from its `type` and `data` (never from the stored
   * title, which is written in one language), and the portal page it links to.
   */
  private async describe(
    manager: EntityManager,
    notifications: Notification[],
  ): Promise<Map<string, NotificationMailItem>> {
    const ids = (key: string) => [...new Set(notifications.map((n) => n.data[key]).filter((v): v is string => !!v))];
    const uuid = /^[0-9a-f-]{36}$/;
    const only = (list: string[]) => list.filter((id) => uuid.test(id));
    const messages = new Map(
      (
        (await manager.query(
          `SELECT msg.id, msg.body, msg.deleted_at, r.name AS room_name, r.kind AS room_kind, a.display_name AS author
             FROM messages msg JOIN rooms r ON r.id = msg.room_id LEFT JOIN members a ON a.id = msg.author_id
            WHERE msg.id = ANY($1::uuid[])`,
          [only(ids('messageId'))],
        )) as {
          id: string;
          body: string;
          deleted_at: Date | null;
          room_name: string | null;
          room_kind: string;
          author: string | null;
        }[]
      ).map((row) => [row.id, row]),
    );
    const groups = new Map(
      (
        (await manager.query(`SELECT id, name FROM working_groups WHERE id = ANY($1::uuid[])`, [
          only(ids('workingGroupId')),
        ])) as { id: string; name: string }[]
      ).map((row) => [row.id, row.name]),
    );
    const meetings = new Map(
      (
        (await manager.query(`SELECT id, title FROM meetings WHERE id = ANY($1::uuid[])`, [
          only(ids('meetingId')),
        ])) as {
          id: string;
          title: string;
        }[]
      ).map((row) => [row.id, row.title]),
    );
    const members = new Map(
      (
        (await manager.query(`SELECT id, display_name FROM members WHERE id = ANY($1::uuid[])`, [
          only([...ids('memberId'), ...ids('actorId')]),
        ])) as { id: string; display_name: string }[]
      ).map((row) => [row.id, row.display_name]),
    );
    const documents = new Map(
      (
        (await manager.query(`SELECT id, title FROM documents WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [
          only(ids('documentId')),
        ])) as { id: string; title: string }[]
      ).map((row) => [row.id, row.title]),
    );
    const base = publicUrl(this.config);
    return new Map(
      notifications.map((n) => {
        const d = n.data;
        const message = d.messageId ? messages.get(d.messageId) : undefined;
        const item: NotificationMailItem = { type: n.type, createdAt: n.createdAt, url: `${base}/` };
        if (n.type === NotificationType.DocumentAdded) {
          item.document = (d.documentId ? documents.get(d.documentId) : undefined) ?? d.documentTitle ?? null;
          item.group = (d.workingGroupId ? groups.get(d.workingGroupId) : undefined) ?? d.groupName ?? null;
          item.actor = (d.actorId ? members.get(d.actorId) : undefined) ?? d.actorName ?? null;
          item.url = d.documentId ? `${base}/documents/${d.documentId}` : `${base}/documents`;
        } else if (
          n.type === NotificationType.MessageMention ||
          n.type === NotificationType.RoomMention ||
          n.type === NotificationType.DirectMessage
        ) {
          item.actor = message?.author ?? null;
          item.room = message && message.room_kind !== RoomKind.Direct ? (message.room_name ?? '—') : null;
          item.excerpt = message && !message.deleted_at ? excerpt(message.body) : null;
          if (d.roomId) item.url = `${base}/rooms/${d.roomId}`;
        } else if (d.pollId) {
          item.group = (d.workingGroupId ? groups.get(d.workingGroupId) : undefined) ?? d.groupName ?? null;
          item.actor = (d.actorId ? members.get(d.actorId) : undefined) ?? d.actorName ?? null;
          item.excerpt = d.pollTitle ?? null;
          item.url = `${base}/polls/${d.pollId}`;
        } else if (n.type === NotificationType.RegistrationPending) {
          item.actor = (d.memberId ? members.get(d.memberId) : undefined) ?? d.memberName ?? null;
          item.url = `${base}/admin`;
        } else if (d.meetingId) {
          item.meeting = meetings.get(d.meetingId) ?? null;
          item.group = d.workingGroupId ? (groups.get(d.workingGroupId) ?? null) : null;
          item.url = `${base}/meetings/${d.meetingId}`;
          // An action item's own words follow the sentence, as a message's excerpt does.
          if (d.actionItemText) item.excerpt = d.actionItemText;
          if (d.actorId) item.actor = members.get(d.actorId) ?? d.actorName ?? null;
        } else if (d.workingGroupId) {
          item.group = groups.get(d.workingGroupId) ?? null;
          item.actor = d.memberId ? (members.get(d.memberId) ?? null) : null;
          item.url = `${base}/groups/${d.workingGroupId}`;
        }
        return [n.id, item];
      }),
    );
  }

  private settingsUrl(): string {
    return `${publicUrl(this.config)}/settings#notifications`;
  }
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

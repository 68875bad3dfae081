import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxMailResponse, Page } from '@lcc/contracts';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { APP_OPTIONS, type AppOptions } from '../../config/app-options.js';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import type { ListOutboxQueryDto } from './dto/list-outbox-query.dto.js';
import { type OutboxCalendar, OutboxMail } from './entities/outbox-mail.entity.js';
import { MailErrorCode, MailException } from './mail.exception.js';
import { headerText } from './templates/escape.js';
import type { RenderedMail } from './templates/layout.js';

/** The messages other features send: each renders subject, HTML and text in the recipient's language. */
export {
  digestMail,
  emailConfirmationMail,
  invitationMail,
  type MeetingMailKind,
  meetingMail,
  type NotificationMailItem,
  type NotificationMailScope,
  notificationMail,
  passwordResetMail,
  registrationPendingMail,
  registrationRejectedMail,
  unsubscribePage,
} from './templates/messages.js';

/** A rendered message for one recipient. */
export interface MailMessage {
  /** What the message is: `invitation`, `password_reset`, `meeting_request`... */
  kind: string;
  to: { address: string; name?: string | null };
  language: string;
  content: RenderedMail;
  headers?: Record<string, string>;
  calendar?: OutboxCalendar | null;
}

interface OutboxRow {
  id: string;
  kind: string;
  to_address: string;
  to_name: string | null;
  language: string;
  subject: string;
  text: string;
  status: OutboxMailResponse['status'];
  attempts: number;
  next_attempt_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  has_calendar: boolean;
  created_at: Date;
  cursor_at: string;
}

/**
 * The outbox: features write their messages with `enqueue` inside the transaction of the change that causes them,
 * so a message exists exactly when its cause committed; `MailDeliveryService` sends them.
 */
@Injectable()
export class MailService {
  private readonly host: string;
  private readonly showLinks: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
    @Inject(APP_OPTIONS) private readonly options: AppOptions,
  ) {
    this.host = new URL(publicUrl(config)).hostname;
    // Without a mail server, a developer completes invitations and resets from the console. The links carry
    // tokens: never in production, and never in the JSON log.
    this.showLinks =
      !config.get('SMTP_URL', { infer: true }) && config.get('NODE_ENV', { infer: true }) !== 'production';
  }

  /** Writes messages into the outbox with the caller's transaction. */
  async enqueue(manager: EntityManager, messages: MailMessage | MailMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    if (list.length === 0) return;
    await manager.getRepository(OutboxMail).insert(
      list.map((message) => ({
        kind: message.kind,
        toAddress: headerText(message.to.address),
        toName: message.to.name ? headerText(message.to.name) : null,
        language: message.language,
        subject: headerText(message.content.subject),
        text: message.content.text,
        html: message.content.html,
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, headerText(value)]),
        ),
        calendar: message.calendar ?? null,
        messageId: `<${randomUUID()}@${this.host}>`,
      })),
    );
    if (this.showLinks) {
      const base = publicUrl(this.config);
      for (const message of list) {
        const links = message.content.text.match(/https?:\/\/\S+/g)?.filter((link) => link.startsWith(base)) ?? [];
        this.options.announce(
          `Mail queued (no SMTP_URL) for ${message.to.address}: ${headerText(message.content.subject)}` +
            links.map((link) => `\n  ${link}`).join(''),
        );
      }
    }
  }

  /**
   * A deleted account: mail not sent yet (waiting, or given up) to its address is dropped with the caller's
   * transaction, so nothing reaches the old address afterwards. Mail already sent, or being handed to the server
   * now, stays in the log (docs/privacy.md).
   */
  async dropUnsentTo(manager: EntityManager, address: string): Promise<void> {
    await manager.query(
      `DELETE FROM mail_outbox WHERE lower(to_address) = lower($1) AND status IN ('queued', 'failed')`,
      [address.trim()],
    );
  }

  /** The outbox, newest first, for administrators. */
  async list(query: ListOutboxQueryDto): Promise<Page<OutboxMailResponse>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      params.push(createdAt, id);
      where.push(
        `(date_trunc('milliseconds', created_at), id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(query.limit + 1);
    // Keyset on the millisecond the cursor can carry, so rows inside one millisecond are neither skipped nor repeated.
    const rows = (await this.dataSource.query(
      `SELECT id, kind, to_address, to_name, language, subject, text, status, attempts, next_attempt_at, sent_at,
              last_error, calendar IS NOT NULL AS has_calendar, created_at,
              date_trunc('milliseconds', created_at) AS cursor_at
         FROM mail_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC
        LIMIT $${params.length}`,
      params,
    )) as OutboxRow[];
    return toPage(rows, query.limit, toOutboxResponse, (row) => [new Date(row.cursor_at).toISOString(), row.id]);
  }

  /** One message with its HTML body. */
  async get(id: string): Promise<OutboxMailResponse & { html: string }> {
    const mail = await this.dataSource.getRepository(OutboxMail).findOneBy({ id });
    if (!mail) throw new MailException(MailErrorCode.OUTBOX_MAIL_NOT_FOUND);
    return {
      id: mail.id,
      kind: mail.kind,
      to: mail.toAddress,
      toName: mail.toName,
      language: mail.language,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      status: mail.status,
      attempts: mail.attempts,
      nextAttemptAt: mail.nextAttemptAt.toISOString(),
      sentAt: mail.sentAt?.toISOString() ?? null,
      lastError: mail.lastError,
      hasCalendar: mail.calendar !== null,
      createdAt: mail.createdAt.toISOString(),
    };
  }
}

function toOutboxResponse(row: OutboxRow): OutboxMailResponse {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    language: row.language,
    subject: row.subject,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    lastError: row.last_error,
    hasCalendar: row.has_calendar,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

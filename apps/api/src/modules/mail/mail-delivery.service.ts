import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import type { OutboxCalendar } from './entities/outbox-mail.entity.js';

interface ClaimedRow {
  id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar: OutboxCalendar | null;
  message_id: string;
  attempts: number;
}

/** Messages claimed per round; a full round is followed by another at once. */
const BATCH = 20;

/**
 * Sends the outbox over SMTP. A round claims due rows in one committed statement (`FOR UPDATE SKIP LOCKED`,
 * `attempts + 1`, a lease), sends each without holding a transaction, then marks it sent only if the claim is still
 * ours (same `attempts`). Instances never claim the same row while a lease runs; a process that dies between the
 * SMTP acceptance and the mark leaves a row that is sent once more after its lease, with the same Message-ID.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly transport: Transporter | null;
  private readonly leaseMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.leaseMs = config.get('MAIL_LEASE_MS', { infer: true });
    const url = config.get('SMTP_URL', { infer: true });
    // Every network wait ends well inside the lease, so a slow send cannot outlive its claim.
    const timeout = Math.max(1000, Math.floor(this.leaseMs / 4));
    this.transport = url
      ? nodemailer.createTransport(url, {
          from: config.get('MAIL_FROM', { infer: true }) ?? defaultFrom(publicUrl(config)),
        })
      : null;
    if (this.transport) {
      const options = this.transport.options as Record<string, unknown>;
      options.connectionTimeout = Math.min(Number(options.connectionTimeout ?? timeout), timeout);
      options.greetingTimeout = Math.min(Number(options.greetingTimeout ?? timeout), timeout);
      options.socketTimeout = Math.min(Number(options.socketTimeout ?? timeout), timeout);
    }
  }

  /** True when `SMTP_URL` is set; otherwise mail stays in the outbox for administrators to read. */
  get enabled(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap(): void {
    const interval = this.config.get('MAIL_POLL_INTERVAL_MS', { infer: true });
    if (!this.transport || interval <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.deliverDue()
        .catch((error: unknown) => this.logger.error({ err: { message: String(error) } }, 'mail round failed'))
        .finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Sends what is due; returns how many messages SMTP accepted. */
  async deliverDue(): Promise<number> {
    if (!this.transport) return 0;
    let accepted = 0;
    for (;;) {
      const rows = await this.claim();
      for (const row of rows) {
        if (await this.deliver(row)) accepted += 1;
      }
      if (rows.length < BATCH || this.stopped) return accepted;
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE mail_outbox o
          SET status = 'sending', attempts = o.attempts + 1, updated_at = now(),
              lease_until = now() + $1 * interval '1 millisecond'
        WHERE o.id IN (SELECT id FROM mail_outbox
                        WHERE (status = 'queued' AND next_attempt_at <= now())
                           OR (status = 'sending' AND lease_until <= now())
                        ORDER BY next_attempt_at, id
                        LIMIT $2
                        FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.to_address, o.to_name, o.subject, o.text, o.html, o.headers, o.calendar, o.message_id,
                  o.attempts`,
      [this.leaseMs, BATCH],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async deliver(row: ClaimedRow): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.message_id,
        headers: row.headers,
        ...(row.calendar
          ? {
              icalEvent: {
                method: row.calendar.method,
                filename: row.calendar.filename,
                content: row.calendar.content,
              },
            }
          : {}),
      });
    } catch (error) {
      await this.recordFailure(row, error);
      return false;
    }
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [row.id, row.attempts],
    );
    return true;
  }

  /** 5xx replies and refused addresses are permanent; anything else is retried with exponential backoff. */
  private async recordFailure(row: ClaimedRow, error: unknown): Promise<void> {
    const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
    const permanent = (responseCode !== undefined && responseCode >= 500) || code === 'EENVELOPE';
    const reason = (message ?? String(error)).slice(0, 1000);
    const maxAttempts = this.config.get('MAIL_MAX_ATTEMPTS', { infer: true });
    if (permanent || row.attempts >= maxAttempts) {
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = 'failed', lease_until = NULL, last_error = $3, updated_at = now()
          WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
        [row.id, row.attempts, permanent ? reason : `gave up after ${row.attempts} attempts: ${reason}`],
      );
      this.logger.warn({ mailId: row.id, responseCode, code }, 'mail failed permanently');
      return;
    }
    const base = this.config.get('MAIL_RETRY_BASE_MS', { infer: true });
    const delay = Math.min(base * 2 ** (row.attempts - 1), this.config.get('MAIL_RETRY_MAX_MS', { infer: true }));
    await this.dataSource.query(
      `UPDATE mail_outbox
          SET status = 'queued', lease_until = NULL, last_error = $3, updated_at = now(),
              next_attempt_at = now() + $4 * interval '1 millisecond'
        WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [row.id, row.attempts, reason, delay],
    );
  }
}

/** `"LCC Partnership Portal" <no-reply@portal-host>` when `MAIL_FROM` is unset. */
function defaultFrom(base: string): { name: string; address: string } {
  return { name: 'LCC Partnership Portal', address: `no-reply@${new URL(base).hostname}` };
}

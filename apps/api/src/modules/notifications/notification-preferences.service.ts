import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { MailFrequency, NotificationMailKind, type NotificationPreferencesResponse } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { inputValidationError } from '../../common/validation/input-guard.js';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { SettingsService } from '../settings/settings.service.js';
import type { UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto.js';
import { NotificationMailBatch } from './entities/notification-mail-batch.entity.js';
import { NotificationPreference } from './entities/notification-preference.entity.js';
import { DEFAULT_PREFERENCES, FIELD_OF_KIND, type MailChoices, nextDigestAt } from './notification-mail-schedule.js';
import { NotificationErrorCode, NotificationException } from './notifications.exception.js';

/** What an unsubscribe link stops: one kind, or `digest` (every kind sent daily). */
export type UnsubscribeScope = NotificationMailKind | 'digest';

const SCOPES: ReadonlySet<string> = new Set([...Object.values(NotificationMailKind), 'digest']);
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z_]{1,32})\.([A-Za-z0-9_-]{43})$/;

function choicesOf(row: NotificationPreference | null | undefined): MailChoices {
  if (!row) return { ...DEFAULT_PREFERENCES };
  return {
    mentions: row.mentions,
    directMessages: row.directMessages,
    meetings: row.meetings,
    groupRequests: row.groupRequests,
    documents: row.documents,
    digestHour: row.digestHour,
    quietHoursStart: row.quietHoursStart,
    quietHoursEnd: row.quietHoursEnd,
  };
}

/**
 * Members' e-mail choices for notifications, and the signed one-click unsubscribe links that change them. A link
 * names a member and a kind and is signed with HMAC-SHA256 under a key every instance shares (`settings`), so it
 * can be neither forged nor turned to another member or kind.
 */
@Injectable()
export class NotificationPreferencesService {
  private key?: Promise<Buffer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Choices of several members (defaults for those who never changed them), read with the caller's transaction. */
  async choicesOf(manager: EntityManager, memberIds: string[]): Promise<Map<string, MailChoices>> {
    const rows = memberIds.length
      ? await manager.getRepository(NotificationPreference).findBy({ memberId: In(memberIds) })
      : [];
    const byMember = new Map(rows.map((row) => [row.memberId, row]));
    return new Map(memberIds.map((id) => [id, choicesOf(byMember.get(id))]));
  }

  /**
   * Those among `memberIds` who take e-mail of `kind` at all (immediately or daily, not `never`), read with the
   * caller's transaction. Features that send their own mail for a kind (meetings) ask this before writing it.
   */
  async takingMail(manager: EntityManager, memberIds: string[], kind: NotificationMailKind): Promise<Set<string>> {
    const choices = await this.choicesOf(manager, memberIds);
    const field = FIELD_OF_KIND[kind];
    return new Set(memberIds.filter((id) => choices.get(id)?.[field] !== MailFrequency.Never));
  }

  async get(actor: Actor): Promise<NotificationPreferencesResponse> {
    const row = await this.dataSource.getRepository(NotificationPreference).findOneBy({ memberId: actor.id });
    return { ...choicesOf(row), timeZone: actor.timeZone };
  }

  /**
   * Changes some choices. Quiet hours are given both or neither; waiting digests move to the new digest hour, so a
   * member never gets two summaries for one day.
   */
  async update(actor: Actor, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotificationPreference);
      await repository.createQueryBuilder().insert().values({ memberId: actor.id }).orIgnore().execute();
      const row = await repository.findOneOrFail({
        where: { memberId: actor.id },
        lock: { mode: 'pessimistic_write' },
      });
      const next = { ...choicesOf(row) };
      for (const field of Object.values(FIELD_OF_KIND)) {
        if (dto[field] !== undefined) next[field] = dto[field];
      }
      if (dto.digestHour !== undefined) next.digestHour = dto.digestHour;
      if (dto.quietHoursStart !== undefined) next.quietHoursStart = dto.quietHoursStart;
      if (dto.quietHoursEnd !== undefined) next.quietHoursEnd = dto.quietHoursEnd;
      const details = [];
      if ((next.quietHoursStart === null) !== (next.quietHoursEnd === null)) {
        const missing = next.quietHoursStart === null ? 'quietHoursStart' : 'quietHoursEnd';
        details.push({ field: missing, message: 'quietHoursStart and quietHoursEnd are set together or both null' });
      } else if (next.quietHoursStart !== null && next.quietHoursStart === next.quietHoursEnd) {
        details.push({ field: 'quietHoursEnd', message: 'quietHoursEnd must differ from quietHoursStart' });
      }
      if (details.length) throw inputValidationError(details);
      await repository.update({ id: row.id }, next);
      if (next.digestHour !== row.digestHour) await this.moveDigests(manager, actor, next.digestHour);
      return { ...next, timeZone: actor.timeZone };
    });
  }

  /** One waiting digest per member, due at the next new digest hour, holding everything the old ones held. */
  private async moveDigests(manager: EntityManager, actor: Actor, hour: number): Promise<void> {
    const batches = manager.getRepository(NotificationMailBatch);
    const waiting = await batches.find({
      where: { memberId: actor.id, reason: 'digest' },
      lock: { mode: 'pessimistic_write' },
    });
    if (waiting.length === 0) return;
    await batches.delete({ id: In(waiting.map((b) => b.id)) });
    await batches.insert({
      memberId: actor.id,
      reason: 'digest',
      dueAt: nextDigestAt(new Date(), actor.timeZone, hour),
      notificationIds: [...new Set(waiting.flatMap((b) => b.notificationIds))],
    });
  }

  /** The one-click link that sets `scope` to never for `memberId`. */
  async unsubscribeUrl(memberId: string, scope: UnsubscribeScope): Promise<string> {
    const signature = createHmac('sha256', await this.secret())
      .update(`unsubscribe\n${memberId}\n${scope}`)
      .digest('base64url');
    return `${publicUrl(this.config)}/api/unsubscribe/${memberId}.${scope}.${signature}`;
  }

  /** RFC 2369 / RFC 8058 one-click headers for a mail of `scope` to `memberId`, with the link they name. */
  async unsubscribeHeaders(
    memberId: string,
    scope: UnsubscribeScope,
  ): Promise<{ url: string; headers: Record<string, string> }> {
    const url = await this.unsubscribeUrl(memberId, scope);
    return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
  }

  /** The member and scope a link names; 404 for anything not signed by this portal. */
  async verify(token: string): Promise<{ memberId: string; scope: UnsubscribeScope }> {
    const match = TOKEN.exec(token);
    if (!match || !SCOPES.has(match[2]!))
      throw new NotificationException(NotificationErrorCode.UNSUBSCRIBE_LINK_INVALID);
    const [, memberId, scope, signature] = match as unknown as [string, string, UnsubscribeScope, string];
    const expected = createHmac('sha256', await this.secret())
      .update(`unsubscribe\n${memberId}\n${scope}`)
      .digest();
    const given = Buffer.from(signature, 'base64url');
    // 43 characters hold 258 bits: the last one's two spare bits must be zero, so each link has one spelling.
    const canonical = given.toString('base64url') === signature;
    if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new NotificationException(NotificationErrorCode.UNSUBSCRIBE_LINK_INVALID);
    }
    return { memberId, scope };
  }

  /** Who a valid link belongs to, for its page: address and language (404 once the account is gone). */
  async recipientOf(
    token: string,
  ): Promise<{ memberId: string; scope: UnsubscribeScope; email: string; language: string }> {
    const { memberId, scope } = await this.verify(token);
    const [member] = (await this.dataSource.query(`SELECT email, language FROM members WHERE id = $1`, [memberId])) as {
      email: string;
      language: string;
    }[];
    if (!member) throw new NotificationException(NotificationErrorCode.UNSUBSCRIBE_LINK_INVALID);
    return { memberId, scope, ...member };
  }

  /** RFC 8058 one-click: sets the link's kind (or every daily kind, for a digest link) to never. Idempotent. */
  async unsubscribe(token: string): Promise<{ kind: UnsubscribeScope; frequency: MailFrequency }> {
    const { memberId, scope } = await this.recipientOf(token);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(NotificationPreference);
      await repository.createQueryBuilder().insert().values({ memberId }).orIgnore().execute();
      const row = await repository.findOneOrFail({ where: { memberId }, lock: { mode: 'pessimistic_write' } });
      const choices = choicesOf(row);
      const fields =
        scope === 'digest'
          ? Object.values(FIELD_OF_KIND).filter((field) => choices[field] === MailFrequency.Daily)
          : [FIELD_OF_KIND[scope]];
      if (fields.length) {
        await repository.update({ id: row.id }, Object.fromEntries(fields.map((f) => [f, MailFrequency.Never])));
      }
    });
    return { kind: scope, frequency: MailFrequency.Never };
  }

  private secret(): Promise<Buffer> {
    this.key ??= this.settings
      .getOrCreate('unsubscribe_link_secret', () => randomBytes(32).toString('base64url'))
      .then((value) => Buffer.from(value, 'base64url'))
      .catch((error: unknown) => {
        this.key = undefined;
        throw error;
      });
    return this.key;
  }
}

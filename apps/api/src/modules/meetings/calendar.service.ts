import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { ICalCalendarMethod } from 'ical-generator';
import type { Repository } from 'typeorm';
import type { Actor } from '../../common/http/actor.js';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { MembersService } from '../members/members.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { CalendarFeed } from './entities/calendar-feed.entity.js';
import { renderCalendar } from './meeting-ical.js';
import type { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import type { Meeting } from './entities/meeting.entity.js';
import { MeetingErrorCode, MeetingException } from './meetings.exception.js';
import { MeetingsService } from './meetings.service.js';

/**
 * iCalendar output (ical-generator, VTIMEZONE blocks from timezones-ical-library) for one meeting and for each
 * member's private feed. Feed URLs carry `<payload>.<hmac>`; only a version number is stored, so rotating the
 * version revokes every earlier URL.
 */
@Injectable()
export class CalendarService {
  private secret?: Promise<string>;

  constructor(
    @InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>,
    private readonly meetings: MeetingsService,
    private readonly members: MembersService,
    private readonly settings: SettingsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async meetingIcs(actor: Actor, meetingId: string): Promise<string> {
    const { meeting } = await this.meetings.requireVisible(actor, meetingId);
    const invitees = (await this.meetings.inviteesOf([meeting.id])).get(meeting.id) ?? [];
    return this.render(meeting.title, [{ meeting, invitees }], ICalCalendarMethod.PUBLISH);
  }

  async feedUrl(actor: Actor): Promise<{ url: string }> {
    const feed = await this.feedOf(actor.id);
    return { url: `${publicUrl(this.config)}/api/calendar/feeds/${await this.token(actor.id, feed.version)}.ics` };
  }

  async rotate(actor: Actor): Promise<{ url: string }> {
    await this.feedOf(actor.id);
    await this.revokeFeed(actor.id);
    return this.feedUrl(actor);
  }

  /**
   * Bumps the member's feed version so every URL issued so far answers 404 (password change, sign-out
   * everywhere, suspension). A member who never asked for a feed has no row and nothing to revoke.
   */
  async revokeFeed(memberId: string): Promise<void> {
    await this.feeds.increment({ memberId }, 'version', 1);
  }

  /**
   * The feed behind a token; any malformed, forged or rotated-away token is a 404, and so is the feed of a member
   * who is not active: a feed URL is a bearer credential that must not outlive the account's standing.
   */
  async feedIcs(token: string): Promise<string> {
    const memberId = await this.verify(token);
    if (!memberId || !(await this.members.activeIds([memberId])).has(memberId)) {
      throw new MeetingException(MeetingErrorCode.CALENDAR_FEED_NOT_FOUND);
    }
    return this.render('LCC meetings', await this.meetings.forCalendar(memberId), ICalCalendarMethod.PUBLISH);
  }

  private render(
    name: string,
    items: { meeting: Meeting; invitees: MeetingInvitee[] }[],
    method: ICalCalendarMethod,
  ): string {
    return renderCalendar(new URL(publicUrl(this.config)).host, name, items, method);
  }

  private async feedOf(memberId: string): Promise<CalendarFeed> {
    await this.feeds.createQueryBuilder().insert().values({ memberId }).orIgnore().execute();
    return this.feeds.findOneByOrFail({ memberId });
  }

  private async token(memberId: string, version: number): Promise<string> {
    const payload = `${memberId}:${version}`;
    return `${Buffer.from(payload).toString('base64url')}.${await this.sign(payload)}`;
  }

  private async verify(token: string): Promise<string | null> {
    const [encoded, signature] = token.split('.');
    if (!encoded || !signature) return null;
    const payload = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(await this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [memberId, version] = payload.split(':');
    if (!memberId || !version) return null;
    const feed = await this.feeds.findOneBy({ memberId });
    return feed && String(feed.version) === version ? memberId : null;
  }

  private async sign(payload: string): Promise<string> {
    this.secret ??= this.settings.getOrCreate('calendar_feed_secret', () => randomBytes(32).toString('base64url'));
    return createHmac('sha256', await this.secret)
      .update(payload)
      .digest('base64url');
  }
}

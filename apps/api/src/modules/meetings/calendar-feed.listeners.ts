import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type SessionRevocationReason, SessionsRevokedEvent } from '../auth/events/session-revoked.event.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MemberSuspendedEvent } from '../members/events/member-suspended.event.js';
import { CalendarService } from './calendar.service.js';

const ASYNC = { async: true, promisify: true } as const;

/**
 * A feed URL is a credential of its own: whatever resets a member's credentials revokes it too. Auth cannot call
 * meetings (dependencies point the other way), so the resets arrive as events.
 */
const CREDENTIAL_RESETS: ReadonlySet<SessionRevocationReason> = new Set([
  'password_changed',
  'password_reset',
  'logout_everywhere',
]);

@Injectable()
export class CalendarFeedListeners {
  constructor(private readonly calendar: CalendarService) {}

  @OnEvent(SessionsRevokedEvent.NAME, ASYNC)
  async onSessionsRevoked(event: SessionsRevokedEvent): Promise<void> {
    if (CREDENTIAL_RESETS.has(event.reason)) await this.calendar.revokeFeed(event.memberId);
  }

  /** Reinstating a member must not bring old URLs back, so suspension rotates as well as the status check. */
  @OnEvent(MemberSuspendedEvent.NAME, ASYNC)
  async onSuspended(event: MemberSuspendedEvent): Promise<void> {
    await this.calendar.revokeFeed(event.memberId);
  }

  @OnEvent(MemberDeletedEvent.NAME, ASYNC)
  async onDeleted(event: MemberDeletedEvent): Promise<void> {
    await this.calendar.revokeFeed(event.memberId);
  }
}

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { MemberStatus, NotificationMailKind } from '@lcc/contracts';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { type MailMessage, MailService, type MeetingMailKind, meetingMail } from '../mail/mail.service.js';
import { NotificationPreferencesService } from '../notifications/notification-preferences.service.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { messageIcs } from './meeting-ical.js';

/** A member who receives meeting e-mail: address, language and zone. */
export interface MeetingMailRecipient {
  id: string;
  email: string;
  display_name: string;
  language: string;
  time_zone: string;
}

/**
 * Meeting e-mail. Invitations, updates and cancellations carry an iCalendar part (METHOD:REQUEST / CANCEL, the
 * meeting's UID and SEQUENCE); reminders do not. Every message is written with the caller's transaction (the
 * meeting change or the reminder claim), in the recipient's language and zone, only to members whose `meetings`
 * choice is not `never`, and with the one-click unsubscribe headers for that kind.
 */
@Injectable()
export class MeetingMailService {
  constructor(
    private readonly mail: MailService,
    private readonly preferences: NotificationPreferencesService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /**
   * Those among `ids` whose `meetings` choice is not `never`. A choice of `daily` still gets meeting mail at once:
   * an invitation that waits for tomorrow's digest would reach the calendar too late, and so would a reminder.
   */
  taking(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    return this.preferences.takingMail(manager, ids, NotificationMailKind.Meetings);
  }

  /** Active members among `ids` who take meeting e-mail. */
  async recipients(manager: EntityManager, ids: string[]): Promise<MeetingMailRecipient[]> {
    if (ids.length === 0) return [];
    const taking = await this.taking(manager, ids);
    if (taking.size === 0) return [];
    return (await manager.query(
      `SELECT id, email, display_name, language, time_zone FROM members WHERE id = ANY($1::uuid[]) AND status = $2`,
      [[...taking], MemberStatus.Active],
    )) as MeetingMailRecipient[];
  }

  /** Footer links and headers of one member's meeting mail. */
  async unsubscribe(memberId: string): Promise<{
    settingsUrl: string;
    unsubscribeUrl: string;
    headers: Record<string, string>;
  }> {
    const { url, headers } = await this.preferences.unsubscribeHeaders(memberId, NotificationMailKind.Meetings);
    return { settingsUrl: `${publicUrl(this.config)}/settings#notifications`, unsubscribeUrl: url, headers };
  }

  /**
   * Writes the invitation, update or cancellation of a meeting for `recipientIds` (already those the meeting rule
   * allows, without the actor) in the caller's transaction, from the meeting as that transaction sees it.
   */
  async enqueueChange(
    manager: EntityManager,
    meetingId: string,
    kind: Extract<MeetingMailKind, 'request' | 'update' | 'cancel'>,
    recipientIds: string[],
  ): Promise<void> {
    const recipients = await this.recipients(manager, recipientIds);
    if (recipients.length === 0) return;
    const meeting = await manager
      .getRepository(Meeting)
      .findOneOrFail({ where: { id: meetingId }, relations: { organizer: true } });
    const invitees = await manager
      .getRepository(MeetingInvitee)
      .find({ where: { meetingId }, relations: { member: true }, order: { createdAt: 'ASC' } });
    const [group] = (await manager.query(`SELECT name FROM working_groups WHERE id = $1`, [
      meeting.workingGroupId,
    ])) as { name: string }[];
    const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST';
    const ics = messageIcs(new URL(publicUrl(this.config)).host, meeting, invitees, method);
    const messages: MailMessage[] = [];
    for (const r of recipients) {
      const { headers, ...links } = await this.unsubscribe(r.id);
      messages.push({
        kind: `meeting_${kind}`,
        to: { address: r.email, name: r.display_name },
        language: r.language,
        content: meetingMail({
          kind,
          language: r.language,
          timeZone: r.time_zone,
          recipientName: r.display_name,
          title: meeting.title,
          group: group?.name ?? '',
          organizer: meeting.organizer?.displayName ?? '',
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          venue: meeting.venue,
          onlineUrl: meeting.onlineUrl,
          url: `${publicUrl(this.config)}/meetings/${meeting.id}`,
          ...links,
        }),
        headers,
        calendar: { method, filename: kind === 'cancel' ? 'cancel.ics' : 'invite.ics', content: ics },
      });
    }
    await this.mail.enqueue(manager, messages);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { MemberStatus } from '@lcc/contracts';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { type MailMessage, MailService } from '../mail/mail.service.js';
import { type MeetingMailKind, meetingMail } from '../mail/mail.service.js';
import { CalendarService } from './calendar.service.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import { MeetingsService } from './meetings.service.js';

const ASYNC = { async: true, promisify: true } as const;

/** A member who receives meeting e-mail: address, language and zone. */
export interface MeetingMailRecipient {
  id: string;
  email: string;
  display_name: string;
  language: string;
  time_zone: string;
}

/** Active members among `ids`, with what their e-mail needs. */
export async function mailRecipients(dataSource: DataSource, ids: string[]): Promise<MeetingMailRecipient[]> {
  if (ids.length === 0) return [];
  return (await dataSource.query(
    `SELECT id, email, display_name, language, time_zone FROM members WHERE id = ANY($1::uuid[]) AND status = $2`,
    [ids, MemberStatus.Active],
  )) as MeetingMailRecipient[];
}

/**
 * Meeting invitations, updates and cancellations by e-mail with an iCalendar part (METHOD:REQUEST / CANCEL, the
 * meeting's UID and SEQUENCE), to exactly the invitees the event names (already filtered by the meeting rule), but
 * not to whoever made the change. Each message is written in the recipient's language and time zone.
 */
@Injectable()
export class MeetingMailListeners {
  private readonly logger = new Logger(MeetingMailListeners.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly meetingsService: MeetingsService,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @OnEvent(MeetingChangedEvent.SCHEDULED, ASYNC)
  onScheduled(event: MeetingChangedEvent): Promise<void> {
    return this.send(event, 'request');
  }

  @OnEvent(MeetingChangedEvent.UPDATED, ASYNC)
  onUpdated(event: MeetingChangedEvent): Promise<void> {
    return event.calendarChanged ? this.send(event, 'update') : Promise.resolve();
  }

  @OnEvent(MeetingChangedEvent.CANCELLED, ASYNC)
  onCancelled(event: MeetingChangedEvent): Promise<void> {
    return this.send(event, 'cancel');
  }

  private async send(event: MeetingChangedEvent, kind: MeetingMailKind): Promise<void> {
    try {
      const recipients = await mailRecipients(
        this.dataSource,
        event.inviteeIds.filter((id) => id !== event.actorId),
      );
      if (recipients.length === 0) return;
      const meeting = await this.meetings.findOne({ where: { id: event.meetingId }, relations: { organizer: true } });
      if (!meeting) return;
      const [group] = (await this.dataSource.query(`SELECT name FROM working_groups WHERE id = $1`, [
        meeting.workingGroupId,
      ])) as { name: string }[];
      const invitees = (await this.meetingsService.inviteesOf([meeting.id])).get(meeting.id) ?? [];
      const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST';
      const ics = this.calendar.messageIcs(meeting, invitees, method);
      const messages: MailMessage[] = recipients.map((r) => ({
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
        }),
        calendar: { method, filename: kind === 'cancel' ? 'cancel.ics' : 'invite.ics', content: ics },
      }));
      await this.dataSource.transaction((manager) => this.mail.enqueue(manager, messages));
    } catch (error) {
      // The meeting change has committed; a failure here must not turn its answer into an error.
      this.logger.error({ err: { message: String(error) }, meetingId: event.meetingId }, 'meeting mail not queued');
    }
  }
}

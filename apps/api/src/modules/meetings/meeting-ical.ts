import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { MeetingStatus, RsvpResponse } from '@lcc/contracts';
import type { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import type { Meeting } from './entities/meeting.entity.js';
import { icalParamText, icalRawText, icalText } from './ical-text.js';

const PARTSTAT: Record<RsvpResponse, ICalAttendeeStatus> = {
  [RsvpResponse.NeedsAction]: ICalAttendeeStatus.NEEDSACTION,
  [RsvpResponse.Accepted]: ICalAttendeeStatus.ACCEPTED,
  [RsvpResponse.Declined]: ICalAttendeeStatus.DECLINED,
  [RsvpResponse.Tentative]: ICalAttendeeStatus.TENTATIVE,
};

/**
 * The iCalendar text of meetings with their invitees, UIDs `<id>@<host>` (ical-generator, VTIMEZONE blocks from
 * timezones-ical-library). Pure, so both the feeds and the meeting e-mail render with it.
 */
export function renderCalendar(
  host: string,
  name: string,
  items: { meeting: Meeting; invitees: MeetingInvitee[] }[],
  method: ICalCalendarMethod,
): string {
  const calendar = ical({
    // ical-generator writes the calendar's NAME and X-WR-CALNAME as given: a title could start new components.
    name: icalRawText(name),
    method,
    prodId: { company: 'LCC Partnership', product: 'Portal', language: 'EN' },
    timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null },
  });
  for (const { meeting, invitees } of items) {
    const event = calendar.createEvent({
      id: `${meeting.id}@${host}`,
      sequence: meeting.sequence,
      // ical-generator writes a native Date's UTC wall clock under the TZID; a zoned luxon DateTime is rendered right.
      start: DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone }),
      end: DateTime.fromJSDate(meeting.endsAt, { zone: meeting.timeZone }),
      timezone: meeting.timeZone,
      stamp: meeting.updatedAt,
      lastModified: meeting.updatedAt,
      created: meeting.createdAt,
      summary: icalText(meeting.title),
      description: icalText(describe(meeting)),
      location: icalText(meeting.venue ?? meeting.onlineUrl ?? '') || undefined,
      url: meeting.onlineUrl ?? undefined,
      status: meeting.status === MeetingStatus.Cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (meeting.organizer) {
      event.organizer({
        name: icalParamText(meeting.organizer.displayName) || 'Organizer',
        email: pseudoAddress(meeting.organizer.id, host),
      });
    }
    for (const invitee of invitees) {
      event.createAttendee({
        name: icalParamText(invitee.member.displayName) || undefined,
        // Members' e-mails are private: attendees are named by a stable per-member address of the portal.
        email: pseudoAddress(invitee.memberId, host),
        status: PARTSTAT[invitee.response],
        role: ICalAttendeeRole.REQ,
      });
    }
  }
  return calendar.toString();
}

/** The iCalendar object of a meeting e-mail: METHOD:REQUEST (invitation, update) or CANCEL. */
export function messageIcs(
  host: string,
  meeting: Meeting,
  invitees: MeetingInvitee[],
  method: 'REQUEST' | 'CANCEL',
): string {
  return renderCalendar(
    host,
    meeting.title,
    [{ meeting, invitees }],
    method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  );
}

function describe(meeting: Meeting): string {
  const lines = [meeting.description ?? ''];
  if (meeting.agenda.length) {
    lines.push('', 'Agenda:');
    meeting.agenda.forEach((item, i) => {
      const extra = [item.presenter, item.durationMinutes ? `${item.durationMinutes} min` : null]
        .filter(Boolean)
        .join(', ');
      lines.push(`${i + 1}. ${item.title}${extra ? ` (${extra})` : ''}`);
    });
  }
  if (meeting.onlineUrl) lines.push('', `Online: ${meeting.onlineUrl}`);
  return lines.join('\n').trim();
}

function pseudoAddress(memberId: string, host: string): string {
  return `member-${memberId}@${host.split(':')[0]}`;
}

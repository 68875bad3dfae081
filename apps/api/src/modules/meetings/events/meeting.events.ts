/** Emitted after a meeting is scheduled, changed or cancelled; notifications and sockets listen. */
export class MeetingChangedEvent {
  static readonly SCHEDULED = 'meeting.scheduled';
  static readonly UPDATED = 'meeting.updated';
  static readonly CANCELLED = 'meeting.cancelled';
  constructor(
    readonly meetingId: string,
    readonly workingGroupId: string,
    readonly title: string,
    readonly inviteeIds: string[],
    readonly actorId: string,
    /** False when only minutes or action items changed: calendars (and invitees' mailboxes) need nothing. */
    readonly calendarChanged = true,
  ) {}
}

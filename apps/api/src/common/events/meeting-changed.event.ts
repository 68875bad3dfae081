/**
 * Emitted by meetings after a meeting is scheduled, changed or cancelled; notifications and sockets listen. It lives
 * here, not in meetings/events/, because meetings itself uses notifications (reminders): a listener importing it
 * from meetings would close a cycle.
 */
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
    /** True when the update wrote minutes that differ from those stored before (saving them again is no change). */
    readonly minutesChanged = false,
  ) {}
}

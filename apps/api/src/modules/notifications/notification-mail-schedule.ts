import { DateTime } from 'luxon';
import { MailFrequency, NotificationMailKind, NotificationType } from '@lcc/contracts';

/** The kind (what a member chooses e-mail for) of each notification type. */
export const KIND_OF_TYPE: Record<NotificationType, NotificationMailKind> = {
  [NotificationType.MessageMention]: NotificationMailKind.Mentions,
  [NotificationType.RoomMention]: NotificationMailKind.Mentions,
  [NotificationType.MeetingInvited]: NotificationMailKind.Meetings,
  [NotificationType.MeetingUpdated]: NotificationMailKind.Meetings,
  [NotificationType.MeetingCancelled]: NotificationMailKind.Meetings,
  [NotificationType.MeetingReminder]: NotificationMailKind.Meetings,
  [NotificationType.MeetingMinutes]: NotificationMailKind.Meetings,
  [NotificationType.ActionItemAssigned]: NotificationMailKind.Meetings,
  [NotificationType.ActionItemDue]: NotificationMailKind.Meetings,
  [NotificationType.PollOpened]: NotificationMailKind.Meetings,
  [NotificationType.PollReminder]: NotificationMailKind.Meetings,
  [NotificationType.GroupJoinRequested]: NotificationMailKind.GroupRequests,
  [NotificationType.GroupJoined]: NotificationMailKind.GroupRequests,
  [NotificationType.DirectMessage]: NotificationMailKind.DirectMessages,
  [NotificationType.DocumentAdded]: NotificationMailKind.Documents,
  [NotificationType.RegistrationPending]: NotificationMailKind.GroupRequests,
};

/**
 * Types whose immediate e-mail is already sent by their feature (the meeting mail with its calendar part, the
 * reminder mail): no second, plain notification mail for them.
 */
export const OWN_IMMEDIATE_MAIL: ReadonlySet<NotificationType> = new Set([
  NotificationType.MeetingInvited,
  NotificationType.MeetingUpdated,
  NotificationType.MeetingCancelled,
  NotificationType.MeetingReminder,
  // The registration_pending e-mail leaves with the address confirmation (auth's account links).
  NotificationType.RegistrationPending,
]);

/**
 * Types never summarised in a digest: a reminder read the next morning is no reminder, and a pending registration
 * was already e-mailed when its address was confirmed.
 */
export const NOT_DIGESTED: ReadonlySet<NotificationType> = new Set([
  NotificationType.MeetingReminder,
  NotificationType.RegistrationPending,
  NotificationType.ActionItemDue,
  NotificationType.PollReminder,
]);

/** The preference field of each kind. */
export const FIELD_OF_KIND = {
  [NotificationMailKind.Mentions]: 'mentions',
  [NotificationMailKind.DirectMessages]: 'directMessages',
  [NotificationMailKind.Meetings]: 'meetings',
  [NotificationMailKind.GroupRequests]: 'groupRequests',
  [NotificationMailKind.Documents]: 'documents',
} as const;

export interface MailChoices {
  mentions: MailFrequency;
  directMessages: MailFrequency;
  meetings: MailFrequency;
  groupRequests: MailFrequency;
  documents: MailFrequency;
  digestHour: number;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
}

/** Mentions and meetings at once, the rest in a digest at 08:00, no quiet hours. */
export const DEFAULT_PREFERENCES: MailChoices = {
  mentions: MailFrequency.Immediately,
  directMessages: MailFrequency.Daily,
  meetings: MailFrequency.Immediately,
  groupRequests: MailFrequency.Daily,
  documents: MailFrequency.Daily,
  digestHour: 8,
  quietHoursStart: null,
  quietHoursEnd: null,
};

export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When `now` falls inside the quiet hours (`start`–`end`, local to `zone`, over midnight when start > end), the
 * instant they end; otherwise null.
 */
export function quietHoursEnd(now: Date, zone: string, start: string | null, end: string | null): Date | null {
  if (!start || !end || start === end) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const m = local.hour * 60 + local.minute;
  const s = minutesOf(start);
  const e = minutesOf(end);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  let until = local.set({ hour: Math.floor(e / 60), minute: e % 60, second: 0, millisecond: 0 });
  if (until <= local) until = until.plus({ days: 1 });
  return until.toJSDate();
}

/** The first `hour:00` in `zone` strictly after `after`: when a notification of that moment is digested. */
export function nextDigestAt(after: Date, zone: string, hour: number): Date {
  const local = DateTime.fromJSDate(after, { zone });
  let at = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return at.toJSDate();
}

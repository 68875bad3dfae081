import { DateTime } from 'luxon';
import { countryName } from '@lcc/contracts';
import { escapeHtml, fill, safeUrl } from './escape.js';
import { type MailContent, type RenderedMail, renderLayout } from './layout.js';
import { type MailStrings, mailStrings } from './locales/index.js';

/** "Tuesday, 9 March 2027 at 19:00 GMT+12" in the reader's language and zone. */
export function formatInstant(instant: Date, timeZone: string, language: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(language).toLocaleString(DateTime.DATETIME_HUGE);
}

function base(
  s: MailStrings,
  name: string | null | undefined,
): Pick<MailContent, 'greeting' | 'signature' | 'linkFallback'> {
  return {
    greeting: name ? fill(s.common.greeting, { name }) : s.common.greetingAnonymous,
    signature: s.common.signature,
    linkFallback: s.common.linkFallback,
  };
}

export interface InvitationMail {
  language: string;
  inviter: string;
  email: string;
  role: keyof MailStrings['roles'];
  url: string;
  expiresAt: Date;
}

export function invitationMail(p: InvitationMail): RenderedMail {
  const s = mailStrings(p.language);
  const params = { inviter: p.inviter, email: p.email, role: s.roles[p.role] };
  // Invitees have no zone yet: the expiry is written in UTC.
  const expiresAt = formatInstant(p.expiresAt, 'UTC', p.language);
  return renderLayout(
    {
      ...base(s, null),
      subject: fill(s.invitation.subject, params),
      paragraphs: [fill(s.invitation.intro, params), fill(s.invitation.expires, { expiresAt })],
      action: { label: s.invitation.action, url: p.url },
      footer: fill(s.invitation.footer, params),
    },
    p.language,
  );
}

export interface AccountLinkMail {
  language: string;
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
}

export function emailConfirmationMail(p: AccountLinkMail): RenderedMail {
  const s = mailStrings(p.language);
  const expiresAt = formatInstant(p.expiresAt, p.timeZone, p.language);
  return renderLayout(
    {
      ...base(s, p.name),
      subject: s.emailConfirmation.subject,
      paragraphs: [s.emailConfirmation.intro, fill(s.emailConfirmation.expires, { expiresAt })],
      action: { label: s.emailConfirmation.action, url: p.url },
      footer: fill(s.emailConfirmation.footer, { email: p.email }),
    },
    p.language,
  );
}

export function passwordResetMail(p: AccountLinkMail): RenderedMail {
  const s = mailStrings(p.language);
  const expiresAt = formatInstant(p.expiresAt, p.timeZone, p.language);
  return renderLayout(
    {
      ...base(s, p.name),
      subject: s.passwordReset.subject,
      paragraphs: [s.passwordReset.intro, fill(s.passwordReset.expires, { expiresAt })],
      action: { label: s.passwordReset.action, url: p.url },
      footer: fill(s.passwordReset.footer, { email: p.email }),
    },
    p.language,
  );
}

export interface RegistrationPendingMail {
  language: string;
  recipientName: string;
  name: string;
  email: string;
  organization: string | null;
  /** ISO code; written as the country's name in the reader's language. */
  country: string;
  url: string;
}

export function registrationPendingMail(p: RegistrationPendingMail): RenderedMail {
  const s = mailStrings(p.language);
  const params = {
    name: p.name,
    email: p.email,
    organization: p.organization ?? '—',
    country: countryName(p.country, p.language),
  };
  return renderLayout(
    {
      ...base(s, p.recipientName),
      subject: fill(s.registrationPending.subject, params),
      paragraphs: [fill(s.registrationPending.intro, params)],
      action: { label: s.registrationPending.action, url: p.url },
      footer: s.registrationPending.footer,
    },
    p.language,
  );
}

export interface RegistrationRejectedMail {
  language: string;
  name: string;
  email: string;
  reason: string;
}

export function registrationRejectedMail(p: RegistrationRejectedMail): RenderedMail {
  const s = mailStrings(p.language);
  return renderLayout(
    {
      ...base(s, p.name),
      subject: s.registrationRejected.subject,
      paragraphs: [s.registrationRejected.intro, fill(s.registrationRejected.reason, { reason: p.reason })],
      footer: fill(s.registrationRejected.footer, { email: p.email }),
    },
    p.language,
  );
}

export type MeetingMailKind = 'request' | 'update' | 'cancel' | 'reminder_24h' | 'reminder_1h';

export interface MeetingMail {
  kind: MeetingMailKind;
  language: string;
  timeZone: string;
  recipientName: string;
  title: string;
  group: string;
  organizer: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  url: string;
  /** Settings and one-click unsubscribe links for the footer (the member's `meetings` choice). */
  settingsUrl?: string;
  unsubscribeUrl?: string;
}

export function meetingMail(p: MeetingMail): RenderedMail {
  const s = mailStrings(p.language).meeting;
  const n = mailStrings(p.language).notification;
  const footerLinks = [
    ...(p.settingsUrl ? [{ label: n.settings, url: p.settingsUrl }] : []),
    ...(p.unsubscribeUrl ? [{ label: n.unsubscribe, url: p.unsubscribeUrl }] : []),
  ];
  const params = { title: p.title, group: p.group, organizer: p.organizer, zone: p.timeZone };
  const [subject, intro] = {
    request: [s.requestSubject, s.requestIntro],
    update: [s.updateSubject, s.updateIntro],
    cancel: [s.cancelSubject, s.cancelIntro],
    reminder_24h: [s.reminder24hSubject, s.reminderIntro],
    reminder_1h: [s.reminder1hSubject, s.reminderIntro],
  }[p.kind];
  const when = `${formatInstant(p.startsAt, p.timeZone, p.language)} – ${formatInstant(p.endsAt, p.timeZone, p.language)}`;
  const details: [string, string][] = [[s.when, when]];
  if (p.venue) details.push([s.where, p.venue]);
  if (p.onlineUrl) details.push([s.online, p.onlineUrl]);
  const reminder = p.kind === 'reminder_24h' || p.kind === 'reminder_1h';
  return renderLayout(
    {
      ...base(mailStrings(p.language), p.recipientName),
      subject: fill(subject, params),
      paragraphs: [fill(intro, params), p.title, fill(s.timeZoneNote, params)],
      details,
      action: { label: s.action, url: p.url },
      footer: reminder ? s.reminderFooter : s.footer,
      footerLinks,
    },
    p.language,
  );
}

/** What a kind of notification e-mail is about, or `digest` for the daily summary as a whole. */
export type NotificationMailScope = keyof MailStrings['notification']['kinds'];

/** One notification as the mail shows it: its type and the plain-text names its sentence needs. */
export interface NotificationMailItem {
  type: string;
  createdAt: Date;
  url: string;
  actor?: string | null;
  room?: string | null;
  group?: string | null;
  meeting?: string | null;
  document?: string | null;
  excerpt?: string | null;
}

/** The sentence for one notification, from its type and names (never from its stored title). */
export function notificationSentence(language: string, item: NotificationMailItem): string {
  const s = mailStrings(language).notification;
  const params = {
    actor: item.actor ?? '—',
    room: item.room ?? '—',
    group: item.group ?? '—',
    meeting: item.meeting ?? '—',
    document: item.document ?? '—',
  };
  switch (item.type) {
    case 'message_mention':
      return fill(item.room ? s.mention : s.mentionDirect, params);
    case 'room_mention':
      return fill(s.roomMention, params);
    case 'group_join_requested':
      return fill(s.groupJoinRequested, params);
    case 'group_joined':
      return fill(s.groupJoined, params);
    case 'direct_message':
      return fill(s.directMessage, params);
    case 'document_added':
      return fill(s.documentAdded, params);
    case 'registration_pending':
      return fill(s.registrationPending, params);
    case 'meeting_invited':
      return fill(s.meetingInvited, params);
    case 'meeting_updated':
      return fill(s.meetingUpdated, params);
    case 'meeting_cancelled':
      return fill(s.meetingCancelled, params);
    case 'meeting_minutes':
      return fill(s.meetingMinutes, params);
    case 'action_item_assigned':
      return fill(s.actionItemAssigned, params);
    case 'action_item_due':
      return fill(s.actionItemDue, params);
    case 'poll_opened':
      return fill(s.pollOpened, params);
    case 'poll_reminder':
      return fill(s.pollReminder, params);
    default:
      return s.other;
  }
}

export interface NotificationMail {
  language: string;
  timeZone: string;
  recipientName: string;
  item: NotificationMailItem;
  kind: NotificationMailScope;
  /** Set when the mail waited for the end of the member's quiet hours. */
  held?: { start: string; end: string } | null;
  settingsUrl: string;
  unsubscribeUrl: string;
}

/** One notification, sent at once (or at the end of quiet hours). */
export function notificationMail(p: NotificationMail): RenderedMail {
  const strings = mailStrings(p.language);
  const s = strings.notification;
  const sentence = notificationSentence(p.language, p.item);
  const paragraphs = [sentence];
  if (p.item.excerpt) paragraphs.push(`“${p.item.excerpt}”`);
  if (p.held) paragraphs.push(fill(s.held, p.held));
  return renderLayout(
    {
      ...base(strings, p.recipientName),
      subject: sentence,
      paragraphs,
      details: [[formatInstant(p.item.createdAt, p.timeZone, p.language), p.timeZone]],
      action: { label: s.action, url: p.item.url },
      footer: fill(s.footer, { kind: s.kinds[p.kind] }),
      footerLinks: [
        { label: s.settings, url: p.settingsUrl },
        { label: s.unsubscribe, url: p.unsubscribeUrl },
      ],
    },
    p.language,
  );
}

export interface DigestMail {
  language: string;
  timeZone: string;
  recipientName: string;
  items: NotificationMailItem[];
  /** The kinds the member receives daily, for the footer. */
  kinds: NotificationMailScope[];
  hour: number;
  until: Date;
  settingsUrl: string;
  unsubscribeUrl: string;
}

/** The daily summary: every notification since the last one, oldest first, each with its time and link. */
export function digestMail(p: DigestMail): RenderedMail {
  const strings = mailStrings(p.language);
  const s = strings.notification;
  const time = (at: Date) =>
    DateTime.fromJSDate(at, { zone: p.timeZone }).setLocale(p.language).toLocaleString(DateTime.DATETIME_SHORT);
  return renderLayout(
    {
      ...base(strings, p.recipientName),
      subject: fill(s.digestSubject, { count: p.items.length }),
      paragraphs: [fill(s.digestIntro, { until: time(p.until), zone: p.timeZone })],
      items: p.items.map((item) => ({
        label: time(item.createdAt),
        text: notificationSentence(p.language, item),
        url: item.url,
        excerpt: item.excerpt,
      })),
      footer: fill(s.digestFooter, {
        hour: `${String(p.hour).padStart(2, '0')}:00`,
        kinds: p.kinds.map((kind) => s.kinds[kind]).join(', '),
      }),
      footerLinks: [
        { label: s.settings, url: p.settingsUrl },
        { label: s.unsubscribe, url: p.unsubscribeUrl },
      ],
    },
    p.language,
  );
}

export interface UnsubscribePage {
  language: string;
  kind: NotificationMailScope | null;
  email: string;
  state: 'confirm' | 'done' | 'invalid';
  /** Where the confirmation form posts (the link itself). */
  actionUrl: string;
  settingsUrl: string;
}

/** The small page an unsubscribe link opens: a confirmation form (a GET never changes anything), or the result. */
export function unsubscribePage(p: UnsubscribePage): string {
  const strings = mailStrings(p.language);
  const s = strings.unsubscribePage;
  const params = { email: p.email, kind: p.kind ? strings.notification.kinds[p.kind] : '' };
  const body =
    p.state === 'invalid'
      ? `<p>${escapeHtml(s.invalid)}</p>`
      : p.state === 'done'
        ? `<p>${escapeHtml(fill(s.done, params))}</p>`
        : `<form method="post" action="${escapeHtml(safeUrl(p.actionUrl))}"><p>${escapeHtml(fill(s.confirm, params))}</p>` +
          `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
          `<button type="submit" style="background:#1b5e20;color:#ffffff;border:0;padding:10px 18px;border-radius:4px">` +
          `${escapeHtml(s.button)}</button></form>`;
  return (
    `<!doctype html><html lang="${escapeHtml(p.language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(s.title)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f5f5f5;font-family:sans-serif;color:#222">` +
    `<main style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">` +
    `<h1 style="font-size:20px">${escapeHtml(s.title)}</h1>${body}` +
    `<p><a href="${escapeHtml(safeUrl(p.settingsUrl))}" style="color:#1b5e20">${escapeHtml(s.settings)}</a></p>` +
    `</main></body></html>`
  );
}

import { DateTime } from 'luxon';
import { fill } from './escape.js';
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
  country: string;
  url: string;
}

export function registrationPendingMail(p: RegistrationPendingMail): RenderedMail {
  const s = mailStrings(p.language);
  const params = { name: p.name, email: p.email, organization: p.organization ?? '—', country: p.country };
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
}

export function meetingMail(p: MeetingMail): RenderedMail {
  const s = mailStrings(p.language).meeting;
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
    },
    p.language,
  );
}

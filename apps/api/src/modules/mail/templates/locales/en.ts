import type { MailStrings } from './strings.js';

export const en: MailStrings = {
  common: {
    greeting: 'Hello {name},',
    greetingAnonymous: 'Hello,',
    signature: 'LCC Partnership Portal',
    linkFallback: 'If the button does not work, copy this address into your browser:',
  },
  roles: { admin: 'administrator', coordinator: 'coordinator', member: 'member', observer: 'observer' },
  invitation: {
    subject: '{inviter} invites you to the LCC Partnership Portal',
    intro:
      '{inviter} invites you to join the Low-Carbon-City partnership network of North-East Asia on its portal as {role}.',
    action: 'Accept the invitation',
    expires: 'The invitation is valid until {expiresAt}.',
    footer:
      'You receive this e-mail because {inviter} invited {email} to the LCC Partnership Portal. If you did not expect it, you can ignore it.',
  },
  emailConfirmation: {
    subject: 'Confirm your e-mail address',
    intro: 'Thank you for registering on the LCC Partnership Portal. Please confirm that this address is yours.',
    action: 'Confirm my address',
    expires: 'The link is valid until {expiresAt}.',
    footer:
      'You receive this e-mail because {email} was used to register on the LCC Partnership Portal. If it was not you, ignore it.',
  },
  registrationPending: {
    subject: '{name} registered and waits for approval',
    intro:
      '{name} ({organization}, {country}) registered with {email} and waits for a coordinator to approve the account.',
    action: 'Review registrations',
    footer: 'You receive this e-mail because you are a coordinator of the LCC partnership network.',
  },
  passwordReset: {
    subject: 'Reset your password',
    intro:
      'Someone asked to reset the password of your account. Use the link below to choose a new one; doing so signs the account out everywhere.',
    action: 'Choose a new password',
    expires: 'The link works once, until {expiresAt}.',
    footer:
      'You receive this e-mail because a password reset was requested for {email}. If it was not you, ignore it: your password stays the same.',
  },
  meeting: {
    requestSubject: 'Invitation: {title}',
    requestIntro: '{organizer} invites you to a meeting of {group}.',
    updateSubject: 'Updated: {title}',
    updateIntro: 'A meeting of {group} has changed. The attached invitation updates your calendar.',
    cancelSubject: 'Cancelled: {title}',
    cancelIntro: 'A meeting of {group} has been cancelled. The attached notice removes it from your calendar.',
    reminder24hSubject: 'Reminder: {title} starts in 24 hours',
    reminder1hSubject: 'Reminder: {title} starts in 1 hour',
    reminderIntro: 'A meeting of {group} you take part in starts soon.',
    action: 'Open the meeting',
    when: 'When',
    where: 'Where',
    online: 'Online',
    timeZoneNote: 'Times are shown in your time zone ({zone}).',
    footer: 'You receive this e-mail because you are invited to this meeting on the LCC Partnership Portal.',
    reminderFooter: 'You receive this reminder because you accepted this meeting on the LCC Partnership Portal.',
  },
};

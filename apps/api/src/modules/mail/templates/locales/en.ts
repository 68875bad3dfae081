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
  registrationRejected: {
    subject: 'Your registration on the LCC Partnership Portal',
    intro: 'Thank you for your interest in the LCC partnership network. Your registration was not accepted.',
    reason: 'The reason given: {reason}',
    footer: 'You receive this e-mail because {email} was used to register on the LCC Partnership Portal.',
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
  notification: {
    kinds: {
      mentions: 'mentions',
      direct_messages: 'direct messages',
      meetings: 'meetings',
      group_requests: 'group requests',
      documents: 'documents',
      digest: 'the daily summary',
    },
    mention: '{actor} mentioned you in {room}',
    mentionDirect: '{actor} mentioned you in a direct conversation',
    roomMention: '{actor} mentioned everyone in {room}',
    groupJoinRequested: '{actor} asks to join {group}',
    groupJoined: 'You are now a member of {group}',
    directMessage: '{actor} sent you a direct message',
    documentAdded: '{actor} added {document} to {group}',
    registrationPending: '{actor} registered and waits for approval',
    meetingInvited: 'You are invited to {meeting} ({group})',
    meetingUpdated: '{meeting} ({group}) has changed',
    meetingCancelled: '{meeting} ({group}) has been cancelled',
    meetingMinutes: 'The minutes of {meeting} ({group}) are ready',
    actionItemAssigned: '{actor} gave you an action item from {meeting} ({group})',
    actionItemDue: 'Your action item from {meeting} ({group}) is due today',
    pollOpened: '{actor} opened a poll in {group} to find a time',
    pollReminder: 'A poll in {group} closes within a day and still waits for your answer',
    other: 'Something new for you on the portal',
    action: 'Open in the portal',
    held: 'This arrived during your quiet hours ({start}–{end}) and waited until they ended.',
    footer:
      'You receive this e-mail because you chose to be told about {kind} by e-mail at once. You can change that in your notification settings or stop it with one click.',
    digestSubject: 'Your daily summary from the LCC Partnership Portal ({count})',
    digestIntro: 'What happened for you on the portal since your last summary, until {until} ({zone}):',
    digestFooter:
      'You receive this summary because you chose a daily e-mail at {hour} for {kinds}. You can change that in your notification settings or stop daily summaries with one click.',
    settings: 'Notification settings',
    unsubscribe: 'Unsubscribe',
  },
  unsubscribePage: {
    title: 'E-mail notifications',
    confirm: 'Stop e-mail about {kind} to {email}?',
    button: 'Unsubscribe',
    done: 'Done: {email} will no longer receive e-mail about {kind}.',
    invalid: 'This unsubscribe link is not valid.',
    settings: 'Open your notification settings',
  },
};

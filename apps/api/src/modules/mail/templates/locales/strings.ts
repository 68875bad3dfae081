/**
 * Every sentence of the portal's e-mail, per language. `{name}` placeholders are filled with plain text and escaped
 * by the layout; the type makes a missing sentence in any language a compile error.
 */
export interface MailStrings {
  common: { greeting: string; greetingAnonymous: string; signature: string; linkFallback: string };
  roles: { admin: string; coordinator: string; member: string; observer: string };
  invitation: { subject: string; intro: string; action: string; expires: string; footer: string };
  emailConfirmation: { subject: string; intro: string; action: string; expires: string; footer: string };
  registrationPending: { subject: string; intro: string; action: string; footer: string };
  /** To the applicant whose registration was turned down; `{reason}` is the coordinator's text as written. */
  registrationRejected: { subject: string; intro: string; reason: string; footer: string };
  passwordReset: { subject: string; intro: string; action: string; expires: string; footer: string };
  meeting: {
    requestSubject: string;
    requestIntro: string;
    updateSubject: string;
    updateIntro: string;
    cancelSubject: string;
    cancelIntro: string;
    reminder24hSubject: string;
    reminder1hSubject: string;
    reminderIntro: string;
    action: string;
    when: string;
    where: string;
    online: string;
    timeZoneNote: string;
    footer: string;
    reminderFooter: string;
  };
  /** Notification e-mail: one notification at once, or the daily digest. Sentences take plain-text values. */
  notification: {
    /** Names of the kinds a member chooses e-mail for, and of the digest as a whole. */
    kinds: {
      mentions: string;
      direct_messages: string;
      meetings: string;
      group_requests: string;
      documents: string;
      digest: string;
    };
    mention: string;
    mentionDirect: string;
    roomMention: string;
    groupJoinRequested: string;
    groupJoined: string;
    directMessage: string;
    documentAdded: string;
    registrationPending: string;
    meetingInvited: string;
    meetingUpdated: string;
    meetingCancelled: string;
    meetingMinutes: string;
    actionItemAssigned: string;
    actionItemDue: string;
    pollOpened: string;
    pollReminder: string;
    other: string;
    action: string;
    held: string;
    footer: string;
    digestSubject: string;
    digestIntro: string;
    digestFooter: string;
    settings: string;
    unsubscribe: string;
  };
  /** The page an unsubscribe link opens. */
  unsubscribePage: {
    title: string;
    confirm: string;
    button: string;
    done: string;
    invalid: string;
    settings: string;
  };
}

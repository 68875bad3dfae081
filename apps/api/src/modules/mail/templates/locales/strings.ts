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
}

import { Language } from '@lcc/contracts';
import { en } from './en.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { mn } from './mn.js';
import { ru } from './ru.js';
import type { MailStrings } from './strings.js';
import { zh } from './zh.js';

export type { MailStrings } from './strings.js';

/** The catalogue of every language the portal writes e-mail in (the six of the interface). */
export const MAIL_STRINGS: Record<Language, MailStrings> = {
  [Language.En]: en,
  [Language.Zh]: zh,
  [Language.Ja]: ja,
  [Language.Ko]: ko,
  [Language.Ru]: ru,
  [Language.Mn]: mn,
};

/** The strings of a language, English for anything unknown. */
export function mailStrings(language: string): MailStrings {
  return MAIL_STRINGS[language as Language] ?? en;
}

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, NotificationType } from '@lcc/contracts';

/** Every error code of the contract reads in each of the portal's six languages (`common:errorCode.<CODE>`). */
const LOCALES = 'apps/web/src/i18n/locales';
const LANGUAGES = ['en', 'zh', 'ja', 'ko', 'ru', 'mn'];

function errorMessages(language: string): Record<string, unknown> {
  const common = JSON.parse(readFileSync(path.join(LOCALES, language, 'common.json'), 'utf8')) as {
    errorCode?: Record<string, unknown>;
  };
  return common.errorCode ?? {};
}

describe('error code messages', () => {
  it('the contract lists the codes (a sanity floor: an empty list would pass everything)', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)('%s has a message for every code the API can answer', (language) => {
    const messages = errorMessages(language);
    const missing = ERROR_CODES.filter((code) => {
      const text = messages[code];
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no message for a code the contract does not list', (language) => {
    const listed = new Set<string>(ERROR_CODES);
    expect(Object.keys(errorMessages(language)).filter((code) => !listed.has(code))).toEqual([]);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s says it in its own words, not in English',
    (language) => {
      const english = errorMessages('en');
      const messages = errorMessages(language);
      expect(ERROR_CODES.filter((code) => messages[code] === english[code])).toEqual([]);
    },
  );
});

/** Every kind of notification reads as a sentence in each language (`home:notificationText.*`), reminders per lead time. */
describe('notification sentences', () => {
  const keys = Object.values(NotificationType).flatMap((type) =>
    type === NotificationType.MeetingReminder ? [`${type}_24h`, `${type}_1h`] : [type],
  );

  it.each(LANGUAGES)('%s says every kind of notification', (language) => {
    const home = JSON.parse(readFileSync(path.join(LOCALES, language, 'home.json'), 'utf8')) as {
      notificationText?: Record<string, unknown>;
      notificationType?: Record<string, unknown>;
    };
    const missing = [
      ...keys.filter((key) => typeof home.notificationText?.[key] !== 'string'),
      ...Object.values(NotificationType).filter((type) => typeof home.notificationType?.[type] !== 'string'),
    ];
    expect(missing).toEqual([]);
  });
});

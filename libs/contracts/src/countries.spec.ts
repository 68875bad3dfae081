import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { COUNTRY_CODES, MEMBER_STATES, countryName } from './countries.js';
import { Language } from './enums.js';

describe('country names', () => {
  it('names the member states as the United Nations writes them in its languages', () => {
    expect(MEMBER_STATES.map((code) => countryName(code, 'en'))).toEqual([
      'China',
      "Democratic People's Republic of Korea",
      'Japan',
      'Mongolia',
      'Republic of Korea',
      'Russian Federation',
    ]);
    expect(countryName('KP', 'ru')).toBe('Корейская Народно-Демократическая Республика');
    expect(countryName('KR', 'zh')).toBe('大韩民国');
    expect(countryName('RU', 'mn')).toBe('Оросын Холбооны Улс');
    // Others from CLDR, Mongolian included (Node's full ICU has it).
    expect(countryName('DE', 'mn')).toBe('Герман');
  });

  it.each(Object.values(Language))(
    'the web portal’s %s catalogue holds every listed country, as scripts/country-names.ts writes it',
    (language) => {
      const catalogue = JSON.parse(
        readFileSync(`apps/web/src/i18n/locales/${language}/countries.json`, 'utf8'),
      ) as Record<string, string>;
      expect(catalogue).toEqual(Object.fromEntries(COUNTRY_CODES.map((code) => [code, countryName(code, language)])));
    },
  );
});

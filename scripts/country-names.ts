// Writes the web portal's country names, one catalogue per language (apps/web/src/i18n/locales/<lang>/countries.json),
// for every code the portal lists. Run it again when the list or a name changes:
//   npx tsx scripts/country-names.ts
// Sources (docs/web.md, "Country names"): the member states from MEMBER_STATE_NAMES in libs/contracts (UN and
// official short names); every other country from Unicode CLDR as Node's full ICU carries it, in all six languages.
// Browsers' ICU has no Mongolian names (Chromium's Intl.DisplayNames('mn') answers in English), so the names are
// shipped as data rather than asked of the browser.
import { writeFileSync } from 'node:fs';
import { COUNTRY_CODES, Language, countryName } from '../libs/contracts/src/index.js';

for (const language of Object.values(Language)) {
  const names: Record<string, string> = {};
  for (const code of COUNTRY_CODES) {
    const name = countryName(code, language);
    if (name === code) throw new Error(`no ${language} name for ${code}`);
    names[code] = name;
  }
  writeFileSync(`apps/web/src/i18n/locales/${language}/countries.json`, `${JSON.stringify(names, null, 2)}\n`);
}
console.log(`${COUNTRY_CODES.length} countries in ${Object.values(Language).length} languages`);

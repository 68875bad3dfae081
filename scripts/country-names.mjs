// Writes the web portal's country names, one catalogue per language (apps/web/src/i18n/locales/<lang>/countries.json),
// for every code the portal lists (libs/contracts/src/countries.ts). Run it again when that list or a source changes:
//   node scripts/country-names.mjs
// Sources (docs/web.md, "Country names"):
// - the six countries of the network: the United Nations' short names (UNTERM) in English, Chinese and Russian, and
//   the official short names the governments use in Japanese, Korean and Mongolian (NETWORK below, written by hand);
// - every other country, in English, Chinese, Japanese, Korean and Russian: the Unicode CLDR short names, as Node's
//   full ICU carries them (`Intl.DisplayNames`; the same data browsers use);
// - every other country in Mongolian: the npm package i18n-iso-countries (its `langs/mn.json`, first name given),
//   because CLDR's Mongolian names are missing from browsers' ICU and Node's alone would not reach the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LANGUAGES = ['en', 'zh', 'ja', 'ko', 'ru', 'mn'];

/** The network's member states, exactly: UNTERM short names (en, zh, ru); official usage (ja, ko, mn). */
const NETWORK = {
  CN: { en: 'China', zh: '中国', ja: '中国', ko: '중국', ru: 'Китай', mn: 'Хятад' },
  KP: {
    en: "Democratic People's Republic of Korea",
    zh: '朝鲜民主主义人民共和国',
    ja: '朝鮮民主主義人民共和国',
    ko: '조선민주주의인민공화국',
    ru: 'Корейская Народно-Демократическая Республика',
    mn: 'Бүгд Найрамдах Ардчилсан Солонгос Ард Улс',
  },
  JP: { en: 'Japan', zh: '日本', ja: '日本', ko: '일본', ru: 'Япония', mn: 'Япон' },
  MN: { en: 'Mongolia', zh: '蒙古', ja: 'モンゴル国', ko: '몽골', ru: 'Монголия', mn: 'Монгол Улс' },
  KR: {
    en: 'Republic of Korea',
    zh: '大韩民国',
    ja: '大韓民国',
    ko: '대한민국',
    ru: 'Республика Корея',
    mn: 'Бүгд Найрамдах Солонгос Улс',
  },
  RU: {
    en: 'Russian Federation',
    zh: '俄罗斯联邦',
    ja: 'ロシア連邦',
    ko: '러시아 연방',
    ru: 'Российская Федерация',
    mn: 'Оросын Холбооны Улс',
  },
};

const source = readFileSync('libs/contracts/src/countries.ts', 'utf8');
const members = [...source.matchAll(/'([A-Z]{2})'/g)].map((match) => match[1]);
const others = [...source.matchAll(/'((?:[A-Z]{2} ?)+)'/g)].flatMap((match) => match[1].trim().split(' '));
const codes = [...new Set([...members, ...others])];

const mongolian = require('i18n-iso-countries/langs/mn.json').countries;

for (const language of LANGUAGES) {
  const cldr = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const names = {};
  for (const code of codes) {
    const fromPackage = [mongolian[code]].flat()[0];
    const name = NETWORK[code]?.[language] ?? (language === 'mn' ? fromPackage : cldr.of(code));
    if (!name || name === code) throw new Error(`no ${language} name for ${code}`);
    names[code] = name;
  }
  writeFileSync(`apps/web/src/i18n/locales/${language}/countries.json`, `${JSON.stringify(names, null, 2)}\n`);
}
console.log(`${codes.length} countries in ${LANGUAGES.length} languages`);

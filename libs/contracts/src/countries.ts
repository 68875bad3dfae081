/** The member states of the LCC network, listed first wherever countries are offered. */
export const MEMBER_STATES = ['CN', 'KP', 'JP', 'MN', 'KR', 'RU'] as const;

/** ISO 3166-1 alpha-2 codes (officially assigned), member states first. */
export const COUNTRY_CODES: readonly string[] = [
  ...MEMBER_STATES,
  ...(
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
    'BZ CA CC CD CF CG CH CI CK CL CM CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM ' +
    'FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS ' +
    'IT JE JM JO KE KG KH KI KM KN KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MO MP ' +
    'MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
];

/**
 * The member states' names, exactly as the portal writes them: the United Nations' short names (UNTERM) in English,
 * Chinese and Russian, and the official short names their governments use in Japanese, Korean and Mongolian. Other
 * countries take Unicode CLDR's names (see scripts/country-names.ts).
 */
export const MEMBER_STATE_NAMES: Record<
  (typeof MEMBER_STATES)[number],
  Record<'en' | 'zh' | 'ja' | 'ko' | 'ru' | 'mn', string>
> = {
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

/**
 * A country's name in one of the portal's languages: the member states from `MEMBER_STATE_NAMES`, others from the
 * runtime's CLDR data (Node's full ICU has all six languages; browsers lack Mongolian, so the web portal reads
 * generated catalogues instead). Never the bare code unless the runtime knows no name at all.
 */
export function countryName(code: string, language: string): string {
  const own = (MEMBER_STATE_NAMES as Record<string, Record<string, string>>)[code]?.[language];
  if (own) return own;
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

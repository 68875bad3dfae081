import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, MEMBER_STATES } from '@lcc/contracts';
import { useFormat } from '../../ui/format';

/** The script a city's local name is written in, from its country (for the `lang` attribute). */
export function localLanguage(country: string): string | undefined {
  return { CN: 'zh', TW: 'zh', JP: 'ja', KR: 'ko', KP: 'ko', MN: 'mn', RU: 'ru' }[country];
}

/**
 * A city's name for the reader: its local-script name where the reader reads that script (Улаанбаатар for a Mongolian
 * or a Russian reader, 北九州 for a Japanese one), otherwise the English name.
 */
export function useCityName() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (city: { nameEn: string; nameLocal: string | null; country: string }) =>
      city.nameLocal && readsLocalName(language, city.country) ? city.nameLocal : city.nameEn,
    [language],
  );
}

/**
 * Whether a reader of `language` reads a city's local name: the city's own language, and Cyrillic names for Russian
 * and Mongolian readers alike (both write in Cyrillic).
 */
export function readsLocalName(language: string, country: string): boolean {
  const local = localLanguage(country);
  if (!local) return false;
  const cyrillic = new Set(['ru', 'mn']);
  return local === language || (cyrillic.has(local) && cyrillic.has(language));
}

/** Country choices: the member states first, then every other country, in the reader's language. */
export function useCountryOptions(any: string) {
  const format = useFormat();
  return useMemo(() => {
    const members = new Set<string>(MEMBER_STATES);
    const others = COUNTRY_CODES.filter((code) => !members.has(code))
      .map((code) => ({ value: code, label: format.country(code) }))
      .sort((a, b) => a.label.localeCompare(b.label, format.language));
    return [
      { value: '', label: any },
      ...MEMBER_STATES.map((code) => ({ value: code, label: format.country(code) })),
      ...others,
    ];
  }, [format, any]);
}

/** An indicator's name in the reader's language (built-in codes are translated; others keep their own name). */
export function useIndicatorName() {
  const { t } = useTranslation('cities');
  return (code: string, fallback?: string) => t(`indicatorName.${code}`, { defaultValue: fallback ?? code });
}

/** Numbers with a bounded number of decimals, in the reader's language. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    // Per-capita and per-GDP figures are often far below 1: keep three significant digits there.
    const small = new Intl.NumberFormat(language, { maximumSignificantDigits: 3 });
    const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
    const share = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    return {
      value: (value: number | null | undefined) =>
        value === null || value === undefined
          ? '—'
          : value !== 0 && Math.abs(value) < 1
            ? small.format(value)
            : plain.format(value),
      /** A signed change in percent, e.g. "+61.05 %" (the unit comes from the catalogue). */
      signed: (value: number) => percent.format(value),
      share: (value: number) => share.format(value),
    };
  }, [language]);
}

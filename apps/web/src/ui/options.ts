import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, MemberType } from '@lcc/contracts';
import { LANGUAGES } from '../i18n';
import { useFormat } from './format';
import { timeZoneOptions } from './time-zone-field';

/** Choices every member form offers, labelled in the reader's language. */
export function useMemberOptions() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      memberTypes: Object.values(MemberType).map((value) => ({ value, label: t(`memberType.${value}`) })),
      countries: COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })),
      languages: LANGUAGES.map((language) => ({ value: language.code, label: language.name })),
      timeZones: timeZoneOptions(),
    }),
    [t, format],
  );
}

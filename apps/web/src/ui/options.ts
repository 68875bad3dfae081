import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, MEMBER_STATES, MemberType } from '@lcc/contracts';
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
      // The member states first, then the others in the reader's alphabetical order (not by code).
      countries: [
        ...MEMBER_STATES.map((code) => ({ value: code, label: format.country(code) })),
        ...COUNTRY_CODES.filter((code) => !(MEMBER_STATES as readonly string[]).includes(code))
          .map((code) => ({ value: code, label: format.country(code) }))
          .sort((a, b) => a.label.localeCompare(b.label, format.language)),
      ],
      languages: LANGUAGES.map((language) => ({ value: language.code, label: language.name })),
      timeZones: timeZoneOptions(),
    }),
    [t, format],
  );
}

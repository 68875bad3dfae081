import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, DocumentKind, DocumentLanguage, DocumentVisibility } from '@lcc/contracts';
import { useFormat } from '../../ui/format';

/** Extensions the API accepts (see the documents module's file types); the picker offers only these. */
export const ACCEPTED_EXTENSIONS = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.png',
  '.jpg',
  '.jpeg',
  '.zip',
  '.txt',
  '.csv',
  '.md',
];

/** The choices of the document forms and filters, labelled in the reader's language. */
export function useDocumentOptions() {
  const { t, i18n } = useTranslation('documents');
  const format = useFormat();
  return useMemo(() => {
    // From the catalogue, not Intl.DisplayNames: browsers without Mongolian data would name them in English.
    const languageLabel = (code: string) =>
      code === DocumentLanguage.Other ? t('languageOther') : t(`common:languageName.${code}`, { defaultValue: code });
    return {
      kindLabel: (kind: string) => t(`common:documentKind.${kind}`, { defaultValue: kind }),
      languageLabel,
      visibilityLabel: (visibility: string) => t(`common:visibility.${visibility}`, { defaultValue: visibility }),
      kinds: Object.values(DocumentKind).map((value) => ({ value, label: t(`common:documentKind.${value}`) })),
      languages: Object.values(DocumentLanguage).map((value) => ({ value, label: languageLabel(value) })),
      visibilities: Object.values(DocumentVisibility).map((value) => ({
        value,
        label: t(`common:visibility.${value}`),
      })),
      countries: COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })),
    };
  }, [t, i18n.language, format]);
}

/** A fraction as a percentage in the reader's language ("42 %", "42%"). */
export function usePercent() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
    return (fraction: number) => percent.format(fraction);
  }, [i18n.language]);
}

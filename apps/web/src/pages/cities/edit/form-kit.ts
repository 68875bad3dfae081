import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldText } from '../../../ui/field-messages';

/** A number typed into a form: empty is `null` (cleared), anything unreadable is `NaN` (caught by the checks). */
export function toNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** Empty text is `null` (cleared). */
export function toText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

export const asText = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export type Problems = Record<string, string | undefined>;

/**
 * The checks a record form makes before sending, mirroring the API's rules so most mistakes are named at once in
 * the reader's language; what the API still refuses is shown beside the same fields (`useFieldText`).
 */
export function useChecks() {
  const { t } = useTranslation('common');
  const number = (text: string) => {
    const value = toNumber(text);
    return value !== null && !Number.isFinite(value) ? t('fieldMessage.number') : undefined;
  };
  return {
    required: (text: string) => (text.trim() === '' ? t('fieldMessage.required') : undefined),
    number,
    year: (text: string) => {
      const value = toNumber(text);
      if (value === null) return undefined;
      return Number.isInteger(value) && value >= 1900 && value <= 2100 ? undefined : t('fieldMessage.year');
    },
    percent: (text: string) => {
      const value = toNumber(text);
      if (value === null) return undefined;
      return Number.isFinite(value) && value >= 0 && value <= 100 ? undefined : t('fieldMessage.percent');
    },
    notNegative: (text: string) =>
      number(text) ?? ((toNumber(text) ?? 0) < 0 ? t('fieldMessage.notNegative') : undefined),
    between: (text: string, min: number, max: number) => {
      const value = toNumber(text);
      if (value === null) return undefined;
      if (!Number.isFinite(value)) return t('fieldMessage.number');
      if (value < min) return t('fieldMessage.min', { min });
      return value > max ? t('fieldMessage.max', { max }) : undefined;
    },
    maxLength: (text: string, length: number) =>
      text.trim().length > length ? t('fieldMessage.maxLength', { length }) : undefined,
  };
}

/**
 * Problems found before sending, and the field messages to show: the form's own first, else the API's, both in the
 * reader's language. Fields are named as the API names them (`entries[1].value`).
 */
export function useProblems(error: unknown) {
  const [problems, setProblems] = useState<Problems>({});
  return {
    /** Records the checks' results; true when nothing is wrong. */
    check(next: Problems): boolean {
      setProblems(next);
      return Object.values(next).every((problem) => !problem);
    },
    text: (field: string) => problems[field] ?? apiFieldText(error, field),
  };
}

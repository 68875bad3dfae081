import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/form';

/** The six digits of an authenticator app, offered for autofill as a one-time code. */
export function CodeField({ error, label }: { error?: string; label?: string }) {
  const { t } = useTranslation('twofactor');
  return (
    <Field
      label={label ?? t('code')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxLength={7}
      hint={t('codeHint')}
      error={error}
      required
    />
  );
}

/** What was typed, without the space some apps show in the middle. */
export function codeFrom(form: FormData, name = 'code'): string {
  return String(form.get(name) ?? '').replace(/\s/g, '');
}

import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolmentResponse } from '@lcc/contracts';
import { FormError, fieldError } from '../../../ui/form';
import { CodeField, codeFrom } from './CodeField';

/** The QR code and the key of a new authenticator, and the field for its first code. */
export function EnrolmentForm({
  enrolment,
  onConfirm,
  error,
  busy,
}: {
  enrolment: TwoFactorEnrolmentResponse;
  onConfirm: (code: string) => void;
  error: unknown;
  busy: boolean;
}) {
  const { t } = useTranslation('twofactor');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(codeFrom(new FormData(event.currentTarget)));
  }

  return (
    <form onSubmit={submit} className="two-factor-enrolment">
      <p>{t('enrol.scan')}</p>
      <img
        src={enrolment.qrCodeDataUrl}
        alt={t('enrol.qrAlt')}
        width={200}
        height={200}
        style={{ background: '#fff', padding: 8 }}
      />
      <div className="field">
        <label htmlFor="two-factor-secret">{t('enrol.manual')}</label>
        <input
          id="two-factor-secret"
          name="secret"
          readOnly
          value={enrolment.secret}
          size={40}
          spellCheck={false}
          style={{ fontFamily: 'monospace' }}
        />
      </div>
      <CodeField error={fieldError(error, 'code')} />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('enrol.confirm')}
      </button>
    </form>
  );
}

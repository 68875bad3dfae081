import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCodesResponse, TwoFactorEnrolmentResponse, TwoFactorStatusResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../ui/format';
import { Field, FormError, fieldError } from '../../ui/form';
import { Async } from '../../ui/states';
import { useApiMutation, useApi } from '../../ui/use-api';
import { codeFrom } from '../auth/two-factor/CodeField';
import { EnrolmentForm } from '../auth/two-factor/EnrolmentForm';
import { RecoveryCodes } from '../auth/two-factor/RecoveryCodes';

const PATH = '/auth/two-factor';

type Proof = { password: string } | { code: string };

/** The current password, or else a current code: what new recovery codes and turning it off ask for. */
function proofFrom(form: FormData): Proof {
  const password = String(form.get('password') ?? '');
  return password ? { password } : { code: codeFrom(form) };
}

/** Set up an authenticator app (QR code and key), see and renew recovery codes, turn two-factor sign-in off. */
export default function TwoFactorSettings() {
  const { t } = useTranslation('twofactor');
  const format = useFormat();
  const status = useApi<TwoFactorStatusResponse>(PATH);
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolmentResponse>();
  const [codes, setCodes] = useState<string[]>();
  const [action, setAction] = useState<'regenerate' | 'remove'>();

  const start = useApiMutation(() => api<TwoFactorEnrolmentResponse>(`${PATH}/enrolment`, { method: 'POST' }), {
    onSuccess: setEnrolment,
  });
  const confirm = useApiMutation(
    (code: string) => api<RecoveryCodesResponse>(`${PATH}/enrolment/confirm`, { method: 'POST', body: { code } }),
    {
      invalidates: [PATH],
      onSuccess: (result) => {
        setEnrolment(undefined);
        setCodes(result.recoveryCodes);
      },
    },
  );
  const regenerate = useApiMutation(
    (proof: Proof) => api<RecoveryCodesResponse>(`${PATH}/recovery-codes`, { method: 'POST', body: proof }),
    {
      invalidates: [PATH],
      onSuccess: (result) => {
        setAction(undefined);
        setCodes(result.recoveryCodes);
      },
    },
  );
  const remove = useApiMutation((proof: Proof) => api(`${PATH}/remove`, { method: 'POST', body: proof }), {
    invalidates: [PATH],
    onSuccess: () => setAction(undefined),
  });
  const acting = action === 'regenerate' ? regenerate : remove;

  function submitProof(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void acting.run(proofFrom(new FormData(event.currentTarget)));
  }

  return (
    <section className="card" aria-labelledby="two-factor">
      <h2 id="two-factor">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
      ) : (
        <Async state={status}>
          {(current) => (
            <>
              {current.required && <p className="tag">{t('status.required')}</p>}
              {current.enabled ? (
                <>
                  <p role="status">
                    {t('status.on', { date: current.enabledAt ? format.date(current.enabledAt) : '' })}{' '}
                    {t('status.codesLeft', { number: current.recoveryCodesLeft })}
                  </p>
                  <div className="row">
                    <button type="button" className="secondary" onClick={() => setAction('regenerate')}>
                      {t('regenerate.submit')}
                    </button>
                    <button type="button" className="danger" onClick={() => setAction('remove')}>
                      {t('remove.submit')}
                    </button>
                  </div>
                  {action && (
                    <form className="confirm" onSubmit={submitProof}>
                      <p>{t(action === 'regenerate' ? 'regenerate.hint' : 'remove.hint')}</p>
                      <Field
                        label={t('proof.password')}
                        name="password"
                        type="password"
                        autoComplete="current-password"
                        error={fieldError(acting.error, 'password')}
                      />
                      <Field
                        label={t('proof.code')}
                        name="code"
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        error={fieldError(acting.error, 'code')}
                      />
                      <FormError error={acting.error} />
                      <div className="row">
                        <button
                          type="submit"
                          className={action === 'remove' ? 'danger' : undefined}
                          disabled={acting.pending}
                        >
                          {t(action === 'regenerate' ? 'regenerate.submit' : 'remove.submit')}
                        </button>
                        <button type="button" className="secondary" onClick={() => setAction(undefined)}>
                          {t('common:cancel')}
                        </button>
                      </div>
                    </form>
                  )}
                </>
              ) : enrolment ? (
                <EnrolmentForm
                  enrolment={enrolment}
                  onConfirm={(code) => void confirm.run(code)}
                  error={confirm.error}
                  busy={confirm.pending}
                />
              ) : (
                <>
                  <p role="status">{t('status.off')}</p>
                  <button type="button" onClick={() => void start.run()} disabled={start.pending}>
                    {t('setUp')}
                  </button>
                  <FormError error={start.error} />
                </>
              )}
            </>
          )}
        </Async>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Field, FormError, fieldError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

/** Chooses a new password with the e-mailed link; every session of the account ends. */
export default function ResetPasswordPage() {
  const { t } = useTranslation('mail');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const reset = useApiMutation(
    (newPassword: string) => api('/auth/password/reset', { method: 'POST', body: { token, newPassword } }),
    { onSuccess: () => setDone(true) },
  );
  const { error } = reset;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void reset.run(String(new FormData(event.currentTarget).get('newPassword')));
  }

  if (done) {
    return (
      <div className="card auth-form" role="status">
        <h1>{t('reset.title')}</h1>
        <p>{t('reset.done')}</p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </div>
    );
  }
  return (
    <form className="card auth-form" onSubmit={submit}>
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.intro')}</p>
      <Field
        label={t('reset.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
        error={fieldError(error, 'newPassword')}
      />
      <FormError error={error} />
      <button type="submit" disabled={reset.pending || !token}>
        {t('reset.submit')}
      </button>
      <p>
        <Link to="/forgot-password">{t('reset.newLink')}</Link>
      </p>
    </form>
  );
}

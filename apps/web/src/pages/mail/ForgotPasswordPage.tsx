import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Field, FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

/** Asks for a reset link; the answer is the same whether or not an account uses the address. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('mail');
  const [sent, setSent] = useState(false);
  const forgot = useApiMutation((email: string) => api('/auth/password/forgot', { method: 'POST', body: { email } }), {
    onSuccess: () => setSent(true),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void forgot.run(String(new FormData(event.currentTarget).get('email')));
  }

  if (sent) {
    return (
      <div className="card auth-form" role="status">
        <h1>{t('forgot.title')}</h1>
        <p>{t('forgot.sent')}</p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </div>
    );
  }
  return (
    <form className="card auth-form" onSubmit={submit}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <Field label={t('email')} name="email" type="email" autoComplete="username" required />
      <FormError error={forgot.error} />
      <button type="submit" disabled={forgot.pending}>
        {t('forgot.submit')}
      </button>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </form>
  );
}

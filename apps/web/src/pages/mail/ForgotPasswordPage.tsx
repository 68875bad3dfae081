import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Field, FormError } from '../../ui/form';

/** Asks for a reset link; the answer is the same whether or not an account uses the address. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('mail');
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await api('/auth/password/forgot', { method: 'POST', body: { email: String(form.get('email')) } });
      setSent(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
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
    <form className="card auth-form" onSubmit={(event) => void submit(event)}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <Field label={t('email')} name="email" type="email" autoComplete="username" required />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('forgot.submit')}
      </button>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </form>
  );
}

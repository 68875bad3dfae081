import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Loading } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';

/** Confirms the address of a registration from the e-mailed link. */
export default function ConfirmEmailPage() {
  const { t } = useTranslation('mail');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const confirm = useApiMutation(() => api('/auth/email/confirm', { method: 'POST', body: { token } }), {
    onSuccess: () => setDone(true),
  });
  const { run } = confirm;
  // Once per link: the first confirmation spends the token, so a second request would only fail.
  const sent = useRef<string>(undefined);

  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    void run();
  }, [run, token]);

  if (!done && !confirm.error) return <Loading />;
  return (
    <div className="card auth-form" role="status">
      <h1>{t('confirm.title')}</h1>
      {done ? <p>{t('confirm.done')}</p> : <FormError error={confirm.error} />}
      <Link to="/sign-in">{t('backToSignIn')}</Link>
    </div>
  );
}

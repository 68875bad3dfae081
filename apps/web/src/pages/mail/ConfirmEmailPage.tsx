import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Loading } from '../../ui/states';

/** Confirms the address of a registration from the e-mailed link. */
export default function ConfirmEmailPage() {
  const { t } = useTranslation('mail');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; error?: unknown }>({
    status: 'working',
  });

  useEffect(() => {
    api('/auth/email/confirm', { method: 'POST', body: { token } }).then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [token]);

  if (state.status === 'working') return <Loading />;
  return (
    <div className="card auth-form" role="status">
      <h1>{t('confirm.title')}</h1>
      {state.status === 'done' ? <p>{t('confirm.done')}</p> : <FormError error={state.error} />}
      <Link to="/sign-in">{t('backToSignIn')}</Link>
    </div>
  );
}

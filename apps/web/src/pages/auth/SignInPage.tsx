import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { MemberResponse, SecondFactorChallengeResponse } from '@lcc/contracts';
import { useSession } from '../../api/session';
import { Field, FormError } from '../../ui/form';
import { SsoSignIn, useSsoError } from './SsoSignIn';
import { Loading } from '../../ui/states';

// Loaded only when the password step answers with a second-factor challenge.
const SecondFactorStep = lazy(() => import('./SecondFactorStep'));

export default function SignInPage() {
  const { t } = useTranslation('auth');
  // The way to a new password is worded with the mail pages it leads to.
  const { t: mailText } = useTranslation('mail');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ssoError = useSsoError();
  const [challenge, setChallenge] = useState<SecondFactorChallengeResponse>();

  function proceed(member: MemberResponse) {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    navigate(member.mustChangePassword ? '/change-password' : from, { replace: true });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await signIn(String(form.get('email')), String(form.get('password')));
      if ('challengeToken' in answer) setChallenge(answer);
      else proceed(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (challenge) {
    return (
      <Suspense fallback={<Loading />}>
        <SecondFactorStep challenge={challenge} onSignedIn={proceed} onRestart={() => setChallenge(undefined)} />
      </Suspense>
    );
  }

  return (
    <form className="card auth-form" onSubmit={(event) => void submit(event)}>
      <h1>{t('signIn.title')}</h1>
      <Field label={t('email')} name="email" type="email" autoComplete="username" required />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <FormError error={error ?? ssoError} />
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
      <SsoSignIn />
      <p>
        {t('signIn.noAccount')} <Link to="/register">{t('signIn.register')}</Link>
      </p>
      <p>
        <Link to="/forgot-password">{mailText('forgot.title')}</Link>
      </p>
    </form>
  );
}

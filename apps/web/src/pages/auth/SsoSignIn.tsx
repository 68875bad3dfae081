import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SsoStatusResponse } from '@lcc/contracts';
import { ApiError, api } from '../../api/client';

/**
 * "Sign in with <provider>", when the portal offers single sign-on. A plain link, not a fetch: the browser itself
 * must travel to the provider and back, and comes home signed in through the refresh cookie.
 */
export function SsoSignIn() {
  const { t } = useTranslation('auth');
  const [status, setStatus] = useState<SsoStatusResponse | null>(null);

  useEffect(() => {
    let live = true;
    api<SsoStatusResponse>('/auth/oidc').then(
      (answer) => live && setStatus(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (!status?.enabled) return null;
  return (
    <p className="sso-sign-in">
      <span className="muted">{t('signIn.or')}</span>{' '}
      <a className="button secondary" href="/api/auth/oidc/start">
        {t('signIn.sso', { provider: status.displayName })}
      </a>
    </p>
  );
}

/** Why single sign-on came back without a session (`?ssoError=<code>`), as an error `FormError` can word. */
export function useSsoError(): ApiError | undefined {
  const [params] = useSearchParams();
  const code = params.get('ssoError');
  return useMemo(() => (code && /^[A-Z_]{1,64}$/.test(code) ? new ApiError(403, code, code) : undefined), [code]);
}

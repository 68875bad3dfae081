import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** An API error in words; `NOT_FOUND`-like codes read as "not found or not visible to you". */
export function ErrorNotice({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error.status === 404
      ? t('errors.notFound')
      : error.status === 403
        ? t('errors.forbidden')
        : error.status === 429
          ? t('errors.rateLimited')
          : error.status === 0
            ? t('errors.network')
            : error.status >= 500
              ? t('errors.server')
              : error.message;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

/** Renders loading, error or the data. */
export function Async<T>({
  state,
  children,
}: {
  state: { data: T | undefined; error: ApiError | undefined };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorNotice error={state.error} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

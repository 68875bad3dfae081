import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field, FormError } from '../../ui/form';
import { useApi, useApiMutation } from '../../ui/use-api';

/**
 * The member's private subscription URL for calendar apps. Fetched only when asked for (the first request creates
 * the feed); a new link makes the old one stop working.
 */
export function CalendarFeed() {
  const { t } = useTranslation('meetings');
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  const feed = useApi<{ url: string }>(shown ? '/calendar/feed' : null);
  // The answer is the feed's new state: it replaces the cached one (the settings page shows the same feed).
  const rotate = useApiMutation(() => api<{ url: string }>('/calendar/feed/rotate', { method: 'POST' }), {
    onSuccess: feed.set,
  });
  const url = feed.data?.url;
  const busy = feed.loading || rotate.pending;
  const error = rotate.error ?? feed.error;

  function show() {
    setCopied(false);
    if (shown) feed.reload();
    else setShown(true);
  }

  function renew() {
    setCopied(false);
    void rotate.run();
  }

  async function copy() {
    if (!url) return;
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <section className="card calendar-feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feed.title')}</h2>
      <p className="muted">{t('feed.hint')}</p>
      {url ? (
        <>
          <Field label={t('feed.url')} value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
          <div className="row">
            <button type="button" className="secondary" onClick={() => void copy()}>
              {t('common:copy')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => window.confirm(t('feed.rotateConfirm')) && renew()}
            >
              {t('feed.rotate')}
            </button>
            {copied && (
              <span role="status" className="muted">
                {t('common:copied')}
              </span>
            )}
          </div>
        </>
      ) : (
        <button type="button" className="secondary" disabled={busy} onClick={show}>
          {t('feed.show')}
        </button>
      )}
      <FormError error={error} />
    </section>
  );
}

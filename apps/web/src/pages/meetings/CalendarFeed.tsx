import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field, FormError } from '../../ui/form';

/**
 * The member's private subscription URL for calendar apps. Fetched only when asked for (the first request creates
 * the feed); a new link makes the old one stop working.
 */
export function CalendarFeed() {
  const { t } = useTranslation('meetings');
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function load(path: string, method: 'GET' | 'POST') {
    setBusy(true);
    setError(undefined);
    setCopied(false);
    try {
      setUrl((await api<{ url: string }>(path, { method })).url);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
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
              onClick={() => window.confirm(t('feed.rotateConfirm')) && void load('/calendar/feed/rotate', 'POST')}
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
        <button type="button" className="secondary" disabled={busy} onClick={() => void load('/calendar/feed', 'GET')}>
          {t('feed.show')}
        </button>
      )}
      <FormError error={error} />
    </section>
  );
}

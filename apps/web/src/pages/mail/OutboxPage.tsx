import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMailResponse, Page } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Empty, Loading } from '../../ui/states';

/** The e-mail outbox for administrators: without a mail server, this is where invitations and resets wait. */
export default function OutboxPage() {
  const { t } = useTranslation('mail');
  const [items, setItems] = useState<OutboxMailResponse[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async (cursor: string | null) => {
    try {
      const page = await api<Page<OutboxMailResponse>>('/admin/outbox', { query: { limit: 20, cursor } });
      setItems((previous) => (cursor && previous ? [...previous, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  if (!items && !error) return <Loading />;
  return (
    <section>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <FormError error={error} />
      {items?.length === 0 && <Empty>{t('outbox.empty')}</Empty>}
      {items?.map((mail) => (
        <details key={mail.id} className="card">
          <summary>
            {t(`outbox.statuses.${mail.status}`)} · {mail.to} · {mail.subject} ·{' '}
            {new Date(mail.createdAt).toLocaleString()}
          </summary>
          <p>
            {t('outbox.attempts', { count: mail.attempts })}
            {mail.lastError ? ` · ${mail.lastError}` : ''}
          </p>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{mail.text}</pre>
        </details>
      ))}
      {nextCursor && (
        <button type="button" onClick={() => void load(nextCursor)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

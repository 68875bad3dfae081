import { useTranslation } from 'react-i18next';
import type { OutboxMailResponse } from '@lcc/contracts';
import { useFormat } from '../../ui/format';
import { FormError } from '../../ui/form';
import { Empty, Loading } from '../../ui/states';
import { usePages } from '../../ui/use-api';

/** The e-mail outbox for administrators: without a mail server, this is where invitations and resets wait. */
export default function OutboxPage() {
  const { t } = useTranslation('mail');
  const format = useFormat();
  const outbox = usePages<OutboxMailResponse>('/admin/outbox', { limit: 20 });
  const items = outbox.data;

  if (!items && !outbox.error) return <Loading />;
  return (
    <section>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <FormError error={outbox.error} />
      {items?.length === 0 && <Empty>{t('outbox.empty')}</Empty>}
      {items?.map((mail) => (
        <details key={mail.id} className="card">
          <summary>
            {t(`outbox.statuses.${mail.status}`)} · {mail.to} · {mail.subject} · {format.dateTime(mail.createdAt)}
          </summary>
          <p>
            {t('outbox.attempts', { count: mail.attempts })}
            {mail.lastError ? ` · ${mail.lastError}` : ''}
          </p>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{mail.text}</pre>
        </details>
      ))}
      {outbox.hasMore && (
        <button type="button" onClick={outbox.loadMore} disabled={outbox.loadingMore}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

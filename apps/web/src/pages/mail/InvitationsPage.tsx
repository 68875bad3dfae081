import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationListItem, InvitationResponse, Page } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { Empty, Loading } from '../../ui/states';

/** Every invitation with its state; pending and expired ones can be sent again, unused ones withdrawn. */
export default function InvitationsPage() {
  const { t } = useTranslation('mail');
  const [items, setItems] = useState<InvitationListItem[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [resent, setResent] = useState<InvitationResponse>();

  const load = useCallback(async (cursor: string | null) => {
    try {
      const page = await api<Page<InvitationListItem>>('/invitations', { query: { limit: 50, cursor } });
      setItems((previous) => (cursor && previous ? [...previous, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  async function act(item: InvitationListItem, action: 'resend' | 'revoke') {
    setError(undefined);
    try {
      if (action === 'resend') {
        setResent(await api<InvitationResponse>(`/invitations/${item.id}/resend`, { method: 'POST' }));
      } else {
        await api(`/invitations/${item.id}/revoke`, { method: 'POST' });
      }
      await load(null);
    } catch (failure) {
      setError(failure);
    }
  }

  if (!items && !error) return <Loading />;
  return (
    <section>
      <h1>{t('invitations.title')}</h1>
      <FormError error={error} />
      {resent && (
        <p role="status">
          {t('invitations.resent', { email: resent.email })} <code>{resent.url}</code>
        </p>
      )}
      {items?.length === 0 && <Empty>{t('invitations.empty')}</Empty>}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('email')}</th>
              <th>{t('invitations.role')}</th>
              <th>{t('invitations.language')}</th>
              <th>{t('invitations.state')}</th>
              <th>{t('invitations.expires')}</th>
              <th>{t('invitations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.email}</td>
                <td>{item.role}</td>
                <td>{item.language}</td>
                <td>{t(`invitations.states.${item.state}`)}</td>
                <td>{new Date(item.expiresAt).toLocaleString()}</td>
                <td>
                  {(item.state === 'pending' || item.state === 'expired') && (
                    <button type="button" onClick={() => void act(item, 'resend')}>
                      {t('invitations.resend')}
                    </button>
                  )}{' '}
                  {(item.state === 'pending' || item.state === 'expired') && (
                    <button type="button" onClick={() => void act(item, 'revoke')}>
                      {t('invitations.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => void load(nextCursor)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationListItem, InvitationResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../ui/format';
import { FormError } from '../../ui/form';
import { Empty, Loading } from '../../ui/states';
import { useApiMutation, usePages } from '../../ui/use-api';

/** Every invitation with its state; pending and expired ones can be sent again, unused ones withdrawn. */
export default function InvitationsPage() {
  const { t } = useTranslation('mail');
  const format = useFormat();
  const invitations = usePages<InvitationListItem>('/invitations', { limit: 50 });
  const items = invitations.data;
  const [resent, setResent] = useState<InvitationResponse>();
  const action = useApiMutation(
    (item: InvitationListItem, kind: 'resend' | 'revoke') =>
      api<InvitationResponse | undefined>(`/invitations/${item.id}/${kind}`, { method: 'POST' }),
    { invalidates: ['/invitations'], onSuccess: (result) => result && setResent(result) },
  );
  const error = action.error ?? invitations.error;

  function act(item: InvitationListItem, kind: 'resend' | 'revoke') {
    if (kind === 'revoke') setResent(undefined);
    void action.run(item, kind);
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
                <td>{format.dateTime(item.expiresAt)}</td>
                <td>
                  {(item.state === 'pending' || item.state === 'expired') && (
                    <button type="button" onClick={() => act(item, 'resend')}>
                      {t('invitations.resend')}
                    </button>
                  )}{' '}
                  {(item.state === 'pending' || item.state === 'expired') && (
                    <button type="button" onClick={() => act(item, 'revoke')}>
                      {t('invitations.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invitations.hasMore && (
        <button type="button" onClick={invitations.loadMore} disabled={invitations.loadingMore}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

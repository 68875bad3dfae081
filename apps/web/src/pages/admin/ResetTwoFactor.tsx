import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

/** An admin removes a member's authenticator and recovery codes (a lost phone), after a confirmation naming them. */
export function ResetTwoFactor({ member }: { member: MemberResponse }) {
  const { t } = useTranslation('twofactor');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useApiMutation(() => api(`/members/${member.id}/two-factor/reset`, { method: 'POST' }), {
    invalidates: ['/audit'],
    onSuccess: () => {
      setAsking(false);
      setDone(true);
    },
  });

  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          reset.reset();
          setDone(false);
          setAsking(true);
        }}
        disabled={asking}
      >
        {t('admin.reset')}
      </button>
      {asking && (
        <div role="alertdialog" aria-label={t('admin.reset')} className="confirm">
          <p>{t('admin.resetConfirm', { name: member.displayName })}</p>
          <div className="row">
            <button type="button" className="danger" disabled={reset.pending} onClick={() => void reset.run()}>
              {t('admin.reset')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      )}
      {done && (
        <span role="status" className="muted">
          {t('admin.resetDone', { name: member.displayName })}
        </span>
      )}
      <FormError error={reset.error} />
    </>
  );
}

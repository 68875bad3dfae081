import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeletedMessages, MemberStatus, type MemberResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

/**
 * An admin deletes a member's account, after a confirmation that names them, choosing whether their messages stay
 * (signed "Former member") or are removed. See docs/privacy.md for what is kept.
 */
export function MemberDeletion({
  member,
  onDeleted,
}: {
  member: MemberResponse;
  onDeleted: (member: MemberResponse) => void;
}) {
  const { t } = useTranslation('privacy');
  const [confirming, setConfirming] = useState(false);
  const [removeMessages, setRemoveMessages] = useState(false);
  const remove = useApiMutation(
    () =>
      api<void>(`/members/${member.id}/deletion`, {
        method: 'POST',
        body: { messages: removeMessages ? DeletedMessages.Remove : DeletedMessages.Keep },
      }),
    {
      invalidates: ['/members', '/audit'],
      onSuccess: () => onDeleted({ ...member, status: MemberStatus.Deleted }),
    },
  );

  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('admin.delete')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t('admin.confirmButton')} className="confirm">
      <p>{t('admin.confirm', { name: member.displayName })}</p>
      <label className="choice">
        <input type="checkbox" checked={removeMessages} onChange={(event) => setRemoveMessages(event.target.checked)} />
        {t('admin.removeMessages')}
      </label>
      <FormError error={remove.error} />
      <div className="row">
        <button type="button" className="danger" disabled={remove.pending} onClick={() => void remove.run()}>
          {t('admin.confirmButton')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { MemberStatus, NetworkRole, type MemberResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

/** Approve, suspend, reinstate and change the role of one member (coordinators and admins). */
export function MemberAdminActions({
  member,
  onChange,
}: {
  member: MemberResponse;
  onChange: (member: MemberResponse) => void;
}) {
  const { t } = useTranslation('admin');
  const { run: act, error } = useApiMutation(
    (path: string, body?: unknown, method: 'POST' | 'PATCH' = 'POST') =>
      api<MemberResponse>(`/members/${member.id}/${path}`, { method, body }),
    { invalidates: ['/members', '/audit'], onSuccess: onChange },
  );

  return (
    <div className="row">
      {member.status === MemberStatus.Pending && (
        <button type="button" onClick={() => void act('approve')}>
          {t('approve', { name: member.displayName })}
        </button>
      )}
      {member.status === MemberStatus.Active && (
        <button type="button" className="danger" onClick={() => void act('suspend')}>
          {t('suspend')}
        </button>
      )}
      {member.status === MemberStatus.Suspended && (
        <button type="button" onClick={() => void act('reinstate')}>
          {t('reinstate')}
        </button>
      )}
      <label>
        {t('role')}{' '}
        <select value={member.role} onChange={(event) => void act('role', { role: event.target.value }, 'PATCH')}>
          {Object.values(NetworkRole).map((role) => (
            <option key={role} value={role}>
              {t(`common:role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <FormError error={error} />
    </div>
  );
}

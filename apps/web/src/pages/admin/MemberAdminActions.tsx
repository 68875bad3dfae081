import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberStatus, NetworkRole, type MemberResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { FormError, TextArea, fieldError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';
import { ResetTwoFactor } from './ResetTwoFactor';
import { MemberDeletion } from './MemberDeletion';

/**
 * Approve or reject (with a reason), suspend, reinstate and change the role of one member (coordinators and
 * admins), and delete the account (admins). Nothing is offered on one's own row: the API refuses every act on oneself. A role change waits for a
 * confirmation that names the member and the new role.
 */
export function MemberAdminActions({
  member,
  onChange,
}: {
  member: MemberResponse;
  onChange: (member: MemberResponse) => void;
}) {
  const { t } = useTranslation('admin');
  const { state } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [proposedRole, setProposedRole] = useState<NetworkRole>();
  const mutation = useApiMutation(
    (path: string, body?: unknown, method: 'POST' | 'PATCH' = 'POST') =>
      api<MemberResponse>(`/members/${member.id}/${path}`, { method, body }),
    {
      invalidates: ['/members', '/audit'],
      onSuccess: (changed) => {
        setRejecting(false);
        setProposedRole(undefined);
        onChange(changed);
      },
    },
  );
  const { run: act, error, pending: busy } = mutation;

  if (state.member?.id === member.id) return null;
  const isAdmin = state.member?.role === NetworkRole.Admin;

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void act('reject', { reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
  }

  return (
    <div className="admin-actions">
      <div className="row">
        {member.status === MemberStatus.Pending && (
          <>
            <button type="button" onClick={() => void act('approve')}>
              {t('approve', { name: member.displayName })}
            </button>
            <button type="button" className="secondary" onClick={() => setRejecting(true)} disabled={rejecting}>
              {t('reject', { name: member.displayName })}
            </button>
          </>
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
        {isAdmin && member.status === MemberStatus.Active && <ResetTwoFactor member={member} />}
        {isAdmin && member.status !== MemberStatus.Rejected && (
          <label>
            {t('role')}{' '}
            <select
              value={proposedRole ?? member.role}
              onChange={(event) => {
                const role = event.target.value as NetworkRole;
                setProposedRole(role === member.role ? undefined : role);
              }}
            >
              {Object.values(NetworkRole).map((role) => (
                <option key={role} value={role}>
                  {t(`common:role.${role}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {proposedRole && (
        <div role="alertdialog" aria-label={t('confirmRoleButton')} className="confirm">
          <p>{t('confirmRole', { name: member.displayName, role: t(`common:role.${proposedRole}`) })}</p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void act('role', { role: proposedRole }, 'PATCH')}>
              {t('confirmRoleButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setProposedRole(undefined)}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      )}
      {rejecting && (
        <form onSubmit={reject} className="confirm">
          <TextArea
            label={t('rejectReason', { name: member.displayName })}
            name="reason"
            required
            maxLength={1000}
            rows={3}
            error={fieldError(error, 'reason')}
          />
          <div className="row">
            <button type="submit" className="danger" disabled={busy}>
              {t('rejectConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setRejecting(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      )}
      {isAdmin && member.status !== MemberStatus.Deleted && <MemberDeletion member={member} onDeleted={onChange} />}
      {member.status === MemberStatus.Rejected && member.rejectionReason && (
        <p className="muted">{t('rejectedBecause', { reason: member.rejectionReason })}</p>
      )}
      <FormError error={error} />
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AuditAction,
  NetworkRole,
  type AuditEntryResponse,
  type InvitationResponse,
  type MemberResponse,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../ui/format';
import { Field, FormError, SelectField, fieldError } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi, useApiMutation, usePages } from '../../ui/use-api';
import { useMember } from '../../api/session';
import { MemberAdminActions } from './MemberAdminActions';
import { TwoFactorPolicy } from './TwoFactorPolicy';

function MemberRows({ members, onChange }: { members: MemberResponse[]; onChange: () => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <ul className="list">
      {members.map((member) => (
        <li key={member.id}>
          <div className="spread">
            <span>
              <Link to={`/members/${member.id}`}>{member.displayName}</Link>{' '}
              <span className="muted">
                {member.email} · {member.organization ?? '—'} · {format.country(member.country)} ·{' '}
                {t(`common:memberType.${member.memberType}`)} · {format.date(member.createdAt)}
              </span>
            </span>
            <span className="tag">{t(`common:status.${member.status}`)}</span>
          </div>
          <MemberAdminActions member={member} onChange={onChange} />
        </li>
      ))}
    </ul>
  );
}

function Pending() {
  const { t } = useTranslation('admin');
  const pending = useApi<Page<MemberResponse>>('/members?status=pending&limit=100');
  return (
    <section className="card" aria-labelledby="pending">
      <h2 id="pending">{t('pending')}</h2>
      <Async state={pending}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('noPending')}</Empty>
          ) : (
            <MemberRows members={page.items} onChange={pending.reload} />
          )
        }
      </Async>
    </section>
  );
}

/** Turned-down registrations with their reasons (the applicant was told by e-mail). */
function Rejected() {
  const { t } = useTranslation('admin');
  const rejected = usePages<MemberResponse>('/members', { status: 'rejected', limit: 20 });
  return (
    <section className="card" aria-labelledby="rejected">
      <h2 id="rejected">{t('rejected')}</h2>
      <Async state={rejected}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noRejected')}</Empty>
          ) : (
            <MemberRows members={items} onChange={rejected.reload} />
          )
        }
      </Async>
      {rejected.hasMore && (
        <button type="button" className="secondary" onClick={rejected.loadMore}>
          {t('common:more')}
        </button>
      )}
    </section>
  );
}

function Invite() {
  const { t } = useTranslation('admin');
  const groups = useApi<Page<WorkingGroupResponse>>('/working-groups?limit=100');
  const invite = useApiMutation(
    (form: FormData) =>
      api<InvitationResponse>('/invitations', {
        method: 'POST',
        body: {
          email: String(form.get('email')).trim(),
          role: form.get('role'),
          workingGroupId: form.get('workingGroupId') || undefined,
        },
      }),
    { invalidates: ['/invitations'] },
  );
  const { data: created, error } = invite;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    if (await invite.run(new FormData(element))) element.reset();
  }

  return (
    <section className="card" aria-labelledby="invite">
      <h2 id="invite">{t('invite')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Field label={t('email')} name="email" type="email" required error={fieldError(error, 'email')} />
        <SelectField
          label={t('role')}
          name="role"
          defaultValue={NetworkRole.Member}
          options={Object.values(NetworkRole).map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
        />
        <SelectField
          label={t('group')}
          name="workingGroupId"
          options={[
            { value: '', label: t('common:none') },
            ...(groups.data?.items ?? []).map((group) => ({ value: group.id, label: group.name })),
          ]}
        />
        <FormError error={error} />
        <button type="submit">{t('sendInvitation')}</button>
      </form>
      {created && (
        <div role="status" className="card">
          <p>{t('invitationCreated', { email: created.email })}</p>
          <input readOnly value={created.url} aria-label={t('invitationLink')} size={60} />
        </div>
      )}
    </section>
  );
}

function Members() {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const query = { q, limit: 50 };
  const members = usePages<MemberResponse>('/members', query);
  return (
    <section className="card" aria-labelledby="members">
      <h2 id="members">{t('members')}</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(String(new FormData(event.currentTarget).get('q') ?? ''));
        }}
        className="filters"
      >
        <Field label={t('common:search')} name="q" type="search" />
        <button type="submit">{t('common:search')}</button>
      </form>
      <Async state={members}>{(items) => <MemberRows members={items} onChange={members.reload} />}</Async>
      {members.hasMore && (
        <button type="button" className="secondary" onClick={members.loadMore}>
          {t('common:more')}
        </button>
      )}
    </section>
  );
}

/** What changed, in words where the portal knows the action; otherwise the recorded details as they are. */
function AuditDetails({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation('admin');
  const details = entry.details as Record<string, unknown>;
  if (entry.action === AuditAction.MemberRejected && typeof details.reason === 'string') {
    return <>{t('rejectedBecause', { reason: details.reason })}</>;
  }
  if (entry.action === AuditAction.MemberRoleChanged && typeof details.from === 'string') {
    return (
      <>{t('auditRole', { from: t(`common:role.${details.from}`), to: t(`common:role.${String(details.to)}`) })}</>
    );
  }
  if (Object.keys(details).length === 0) return null;
  return <code>{JSON.stringify(details)}</code>;
}

function Audit() {
  const { t } = useTranslation('admin');
  const targetLabel = (type: string) =>
    ['member', 'invitation', 'working_group', 'document'].includes(type)
      ? t(`auditTarget.${type}`)
      : t('auditTarget.other');
  const format = useFormat();
  const audit = usePages<AuditEntryResponse>('/audit', { limit: 50 });
  return (
    <section className="card" aria-labelledby="audit">
      <h2 id="audit">{t('audit')}</h2>
      <Async state={audit}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noAudit')}</Empty>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('action')}</th>
                    <th scope="col">{t('target')}</th>
                    <th scope="col">{t('details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((entry) => (
                    <tr key={entry.id}>
                      <td>{format.dateTime(entry.createdAt)}</td>
                      <td>{t(`auditAction.${entry.action}`, { defaultValue: entry.action })}</td>
                      <td>
                        {entry.targetType === 'member' ? (
                          <Link to={`/members/${entry.targetId}`}>{targetLabel(entry.targetType)}</Link>
                        ) : (
                          targetLabel(entry.targetType)
                        )}
                      </td>
                      <td>
                        <AuditDetails entry={entry} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
      {audit.hasMore && (
        <button type="button" className="secondary" onClick={audit.loadMore}>
          {t('common:more')}
        </button>
      )}
    </section>
  );
}

export default function AdminPage() {
  const { t } = useTranslation(['admin', 'mail']);
  const viewer = useMember();
  return (
    <>
      <h1>{t('title')}</h1>
      <nav aria-label={t('title')} className="row">
        <Link to="/admin/invitations">{t('mail:invitations.title')}</Link>
        <Link to="/admin/outbox">{t('mail:outbox.title')}</Link>
      </nav>
      <Pending />
      <Invite />
      <Rejected />
      <Members />
      {viewer.role === NetworkRole.Admin && <TwoFactorPolicy />}
      <Audit />
    </>
  );
}

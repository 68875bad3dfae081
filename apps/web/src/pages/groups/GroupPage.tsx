import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  GroupMembershipStatus,
  GroupRole,
  GroupVisibility,
  NetworkRole,
  type MemberResponse,
  type DocumentResponse,
  type GroupMemberResponse,
  type JoinResponse,
  type MeetingResponse,
  type Page,
  type PollSummaryResponse,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Field, FormError, SelectField, TextArea, fieldError } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi, useApiMutation, usePages } from '../../ui/use-api';

/** Finds network members by name in any script (the directory's folded search) and adds one to the group. */
function AddMember({ group, inGroup }: { group: WorkingGroupResponse; inGroup: Set<string> }) {
  const { t } = useTranslation('groups');
  const [q, setQ] = useState('');
  const found = usePages<MemberResponse>(q.trim() ? '/members' : null, { q: q.trim(), limit: 8 });
  const add = useApiMutation(
    (memberId: string) => api(`/working-groups/${group.id}/members`, { method: 'POST', body: { memberId } }),
    { invalidates: [`/working-groups/${group.id}`], onSuccess: () => setQ('') },
  );
  return (
    <div className="people-picker" role="group" aria-labelledby="group-add-member">
      <h3 id="group-add-member">{t('addMember')}</h3>
      <Field
        label={t('findPeople')}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        autoComplete="off"
      />
      <FormError error={add.error} />
      {q.trim() && found.data && (
        <ul className="list">
          {found.data.map((person) => (
            <li key={person.id} className="spread">
              <span>
                {person.displayName} <span className="muted">{person.organization ?? ''}</span>
              </span>
              {inGroup.has(person.id) ? (
                <span className="muted">{t('inGroupAlready')}</span>
              ) : (
                <button type="button" className="secondary" onClick={() => void add.run(person.id)}>
                  {t('addPerson', { name: person.displayName })}
                </button>
              )}
            </li>
          ))}
          {found.data.length === 0 && <li className="muted">{t('noPeopleFound')}</li>}
        </ul>
      )}
    </div>
  );
}

/** Name, description and kind of the group, and its archive switch: for its leads and network staff. */
function GroupSettings({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation('groups');
  const [open, setOpen] = useState(false);
  const save = useApiMutation(
    (form: FormData) =>
      api<WorkingGroupResponse>(`/working-groups/${group.id}`, {
        method: 'PATCH',
        body: {
          name: String(form.get('name')).trim(),
          description: String(form.get('description')).trim() || null,
          visibility: form.get('visibility'),
        },
      }),
    { invalidates: ['/working-groups', '/rooms'], onSuccess: () => setOpen(false) },
  );
  const archive = useApiMutation(
    (archived: boolean) =>
      api<WorkingGroupResponse>(`/working-groups/${group.id}/${archived ? 'archive' : 'unarchive'}`, {
        method: 'POST',
      }),
    { invalidates: ['/working-groups', '/rooms'] },
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run(new FormData(event.currentTarget));
  }

  if (!open) {
    return (
      <span className="row">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('edit')}
        </button>
        <button type="button" className="secondary" onClick={() => void archive.run(!group.archivedAt)}>
          {group.archivedAt ? t('unarchive') : t('archive')}
        </button>
        <FormError error={archive.error} />
      </span>
    );
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="group-edit">
      <h2 id="group-edit">{t('editTitle', { name: group.name })}</h2>
      <Field label={t('name')} name="name" required defaultValue={group.name} error={fieldError(save.error, 'name')} />
      <TextArea
        label={t('description')}
        name="description"
        defaultValue={group.description ?? ''}
        error={fieldError(save.error, 'description')}
      />
      <SelectField
        label={t('visibility')}
        name="visibility"
        defaultValue={group.visibility}
        options={Object.values(GroupVisibility).map((value) => ({ value, label: t(`visibilityHint.${value}`) }))}
      />
      <FormError error={save.error} />
      <div className="row">
        <button type="submit">{t('common:save')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

function Members({ group, lead, waiting }: { group: WorkingGroupResponse; lead: boolean; waiting: number | null }) {
  const { t } = useTranslation('groups');
  const format = useFormat();
  const me = useMember();
  const members = useApi<Page<GroupMemberResponse>>(`/working-groups/${group.id}/members?limit=100`);
  const pending = useApi<Page<GroupMemberResponse>>(
    lead ? `/working-groups/${group.id}/members?status=pending&limit=100` : null,
  );
  // Approving, declining and changing a role change the member lists and the group's member count.
  const { run: act, error } = useApiMutation(
    (memberPath: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) =>
      api(`/working-groups/${group.id}/members/${memberPath}`, { method, body }),
    { invalidates: [`/working-groups/${group.id}`] },
  );

  return (
    <section className="card" aria-labelledby="group-members">
      <h2 id="group-members">{t('members')}</h2>
      <FormError error={error} />
      {lead && pending.data && pending.data.items.length > 0 && (
        <>
          <h3>
            {t('requests')} {waiting ? <span className="badge">{t('pendingRequests', { count: waiting })}</span> : null}
          </h3>
          <ul className="list">
            {pending.data.items.map((request) => (
              <li key={request.memberId} className="spread">
                <span>
                  <Link to={`/members/${request.memberId}`}>{request.displayName}</Link>{' '}
                  <span className="muted">
                    {request.organization} · {format.country(request.country)}
                  </span>
                </span>
                <span className="row">
                  <button type="button" onClick={() => void act(`${request.memberId}/approve`, 'POST')}>
                    {t('approveRequest', { name: request.displayName })}
                  </button>
                  <button type="button" className="secondary" onClick={() => void act(request.memberId, 'DELETE')}>
                    {t('declineRequest')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Async state={members}>
        {(page) => (
          <ul className="list">
            {page.items.map((member) => (
              <li key={member.memberId} className="spread">
                <span>
                  <Link to={`/members/${member.memberId}`}>{member.displayName}</Link>{' '}
                  <span className="muted">
                    {member.organization} · {format.country(member.country)} ·{' '}
                    {format.inZone(new Date().toISOString(), member.timeZone)}
                  </span>
                </span>
                {lead ? (
                  <span className="row">
                    <select
                      aria-label={t('roleOf', { name: member.displayName })}
                      value={member.role}
                      onChange={(event) => void act(member.memberId, 'PATCH', { role: event.target.value })}
                    >
                      {Object.values(GroupRole).map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                    {member.memberId !== me.id && (
                      <button type="button" className="secondary" onClick={() => void act(member.memberId, 'DELETE')}>
                        {t('removeMember', { name: member.displayName })}
                      </button>
                    )}
                  </span>
                ) : (
                  <span className="tag">{t(`role.${member.role}`)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
      {lead && !group.archivedAt && members.data && (
        <AddMember group={group} inGroup={new Set(members.data.items.map((m) => m.memberId))} />
      )}
    </section>
  );
}

function Meetings({ group, lead }: { group: WorkingGroupResponse; lead: boolean }) {
  // An archived group takes no new meetings or polls.
  const schedule = lead && !group.archivedAt;
  const { t } = useTranslation('groups');
  const format = useFormat();
  // Fixed when the section opens: a path that changed on every render would fetch on every render.
  const [since] = useState(() => new Date(Date.now() - 30 * 86_400_000).toISOString());
  const meetings = useApi<Page<MeetingResponse>>(
    `/meetings?workingGroupId=${group.id}&from=${encodeURIComponent(since)}&limit=20`,
  );
  return (
    <section className="card" aria-labelledby="group-meetings">
      <div className="spread">
        <h2 id="group-meetings">{t('meetings')}</h2>
        {schedule && (
          <span className="row">
            <Link className="button" to={`/groups/${group.id}/schedule`}>
              {t('scheduleMeeting')}
            </Link>
            <Link className="button secondary" to={`/groups/${group.id}/polls/new`}>
              {t('newPoll')}
            </Link>
          </span>
        )}
      </div>
      <Async state={meetings}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('noMeetings')}</Empty>
          ) : (
            <ul className="list">
              {page.items.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>{' '}
                  <time className="muted" dateTime={meeting.startsAt}>
                    {format.dateTime(meeting.startsAt)}
                  </time>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function Polls({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation('groups');
  const polls = useApi<Page<PollSummaryResponse>>(`/working-groups/${group.id}/polls?status=open&limit=20`);
  if (!polls.data || polls.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="group-polls">
      <h2 id="group-polls">{t('openPolls')}</h2>
      <ul className="list">
        {polls.data.items.map((poll) => (
          <li key={poll.id} className="spread">
            <Link to={`/polls/${poll.id}`}>{poll.title}</Link>
            <span className="tag">{poll.answeredByMe ? t('pollAnswered') : t('pollWaiting')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Documents({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation('groups');
  const format = useFormat();
  const documents = useApi<Page<DocumentResponse>>(`/documents?workingGroupId=${group.id}&limit=10`);
  return (
    <section className="card" aria-labelledby="group-documents">
      <div className="spread">
        <h2 id="group-documents">{t('documents')}</h2>
        {!group.archivedAt && (
          <Link className="button secondary" to={`/documents/upload?workingGroupId=${group.id}`}>
            {t('uploadDocument')}
          </Link>
        )}
      </div>
      <Async state={documents}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('noDocuments')}</Empty>
          ) : (
            <ul className="list">
              {page.items.map((document) => (
                <li key={document.id}>
                  <Link to={`/documents/${document.id}`}>{document.title}</Link>{' '}
                  <span className="muted">{format.date(document.createdAt)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

export default function GroupPage() {
  const { t } = useTranslation('groups');
  const { id } = useParams();
  const me = useMember();
  const group = useApi<WorkingGroupResponse>(`/working-groups/${id}`);
  // Joining or leaving changes the group, the group lists and the rooms the member is in.
  const { run: membership, error } = useApiMutation(
    (action: 'join' | 'leave') => api<JoinResponse>(`/working-groups/${id}/${action}`, { method: 'POST' }),
    { invalidates: ['/working-groups', '/rooms'] },
  );

  return (
    <Async state={group}>
      {(current) => {
        const mine = current.myMembership;
        const active = mine?.status === GroupMembershipStatus.Active;
        const lead =
          (active && mine?.role === GroupRole.Lead) ||
          me.role === NetworkRole.Admin ||
          me.role === NetworkRole.Coordinator;
        // Kept current by `group.requests.updated` (the query layer refetches the group and its requests).
        const waiting = current.pendingRequestCount;
        return (
          <>
            <div className="card">
              <div className="spread">
                <h1>{current.name}</h1>
                <span className="row">
                  {!mine && !current.archivedAt && (
                    <button type="button" onClick={() => void membership('join')}>
                      {current.visibility === GroupVisibility.Private ? t('requestToJoin') : t('join')}
                    </button>
                  )}
                  {mine?.status === GroupMembershipStatus.Pending && (
                    <span className="tag" role="status">
                      {t('membership.pending')}
                    </span>
                  )}
                  {active && current.roomId && (
                    <Link className="button" to={`/rooms/${current.roomId}`}>
                      {t('openRoom')}
                    </Link>
                  )}
                  {mine && (
                    <button type="button" className="secondary" onClick={() => void membership('leave')}>
                      {mine.status === GroupMembershipStatus.Pending ? t('withdraw') : t('leave')}
                    </button>
                  )}
                </span>
              </div>
              <p className="row">
                <span className="tag">{t(`common:thematicArea.${current.thematicArea}`)}</span>
                <span className="tag">{t(`visibilityShort.${current.visibility}`)}</span>
                <span className="muted">{t('memberCount', { count: current.memberCount })}</span>
                {current.archivedAt && <span className="tag">{t('archivedTag')}</span>}
                {lead && waiting ? (
                  <span className="badge" role="status">
                    {t('pendingRequests', { count: waiting })}
                  </span>
                ) : null}
              </p>
              {current.description && <p>{current.description}</p>}
              {current.archivedAt && <p className="warning">{t('archivedNotice')}</p>}
              <FormError error={error} />
              {lead && <GroupSettings group={current} />}
            </div>
            {active || lead ? (
              <div className="grid">
                <Meetings group={current} lead={lead} />
                <Polls group={current} />
                <Documents group={current} />
                <Members group={current} lead={lead} waiting={waiting} />
              </div>
            ) : (
              <p className="muted">{t('membersOnly')}</p>
            )}
          </>
        );
      }}
    </Async>
  );
}

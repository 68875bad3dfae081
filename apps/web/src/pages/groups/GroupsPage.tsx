import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { GroupVisibility, NetworkRole, ThematicArea, type WorkingGroupResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { Field, FormError, SelectField, TextArea, fieldError } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApiMutation, usePages } from '../../ui/use-api';

function CreateGroup() {
  const { t } = useTranslation('groups');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const create = useApiMutation(
    (form: FormData) =>
      api<WorkingGroupResponse>('/working-groups', {
        method: 'POST',
        body: {
          name: String(form.get('name')).trim(),
          description: String(form.get('description')).trim() || null,
          thematicArea: form.get('thematicArea'),
          visibility: form.get('visibility'),
        },
      }),
    { invalidates: ['/working-groups'], onSuccess: (group) => navigate(`/groups/${group.id}`) },
  );
  const { error } = create;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run(new FormData(event.currentTarget));
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('create')}
      </button>
    );
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('create')}</h2>
      <Field label={t('name')} name="name" required error={fieldError(error, 'name')} />
      <TextArea label={t('description')} name="description" error={fieldError(error, 'description')} />
      <SelectField
        label={t('thematicArea')}
        name="thematicArea"
        options={Object.values(ThematicArea).map((value) => ({ value, label: t(`common:thematicArea.${value}`) }))}
      />
      <SelectField
        label={t('visibility')}
        name="visibility"
        options={Object.values(GroupVisibility).map((value) => ({ value, label: t(`visibilityHint.${value}`) }))}
      />
      <FormError error={error} />
      <div className="row">
        <button type="submit">{t('common:save')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

export default function GroupsPage() {
  const { t } = useTranslation('groups');
  const member = useMember();
  const [params, setParams] = useSearchParams();
  // Groups in use (default), archived ones, or those where requests wait for the viewer's decision.
  const show = params.get('show') ?? '';
  const query = {
    thematicArea: params.get('thematicArea') ?? '',
    q: params.get('q') ?? '',
    archived: show === 'archived' ? 'true' : '',
    awaiting: show === 'awaiting' ? 'true' : '',
    limit: 30,
  };
  const groups = usePages<WorkingGroupResponse>('/working-groups', query);
  const staff = member.role === NetworkRole.Admin || member.role === NetworkRole.Coordinator;

  return (
    <>
      <div className="spread">
        <h1>{t('title')}</h1>
        {staff && <CreateGroup />}
      </div>
      <form
        className="card filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const [key, value] of form.entries()) if (String(value)) next.set(key, String(value));
          setParams(next);
        }}
      >
        <Field label={t('search')} name="q" type="search" defaultValue={query.q} />
        <SelectField
          label={t('thematicArea')}
          name="thematicArea"
          defaultValue={query.thematicArea}
          options={[
            { value: '', label: t('common:all') },
            ...Object.values(ThematicArea).map((value) => ({ value, label: t(`common:thematicArea.${value}`) })),
          ]}
        />
        <SelectField
          label={t('show')}
          name="show"
          defaultValue={show}
          options={[
            { value: '', label: t('inUse') },
            { value: 'awaiting', label: t('awaitingGroups') },
            { value: 'archived', label: t('archivedGroups') },
          ]}
        />
        <button type="submit">{t('common:filter')}</button>
      </form>
      <Async state={groups}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noGroups')}</Empty>
          ) : (
            <ul className="grid list">
              {items.map((group) => {
                const waiting = group.pendingRequestCount;
                return (
                  <li key={group.id} className="card">
                    <h2>
                      <Link to={`/groups/${group.id}`}>{group.name}</Link>
                    </h2>
                    <p className="row">
                      <span className="tag">{t(`common:thematicArea.${group.thematicArea}`)}</span>
                      <span className="tag">{t(`visibilityShort.${group.visibility}`)}</span>
                      <span className="muted">{t('memberCount', { count: group.memberCount })}</span>
                      {group.myMembership && (
                        <span className="tag">{t(`membership.${group.myMembership.status}`)}</span>
                      )}
                      {group.archivedAt && <span className="tag">{t('archivedTag')}</span>}
                      {waiting ? (
                        <span className="badge" role="status">
                          {t('pendingRequests', { count: waiting })}
                        </span>
                      ) : null}
                    </p>
                    {group.description && <p>{group.description}</p>}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Async>
      {groups.hasMore && (
        <button type="button" className="secondary" onClick={groups.loadMore} disabled={groups.loadingMore}>
          {t('common:more')}
        </button>
      )}
    </>
  );
}

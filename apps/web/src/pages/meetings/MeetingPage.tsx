import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MeetingStatus, RsvpResponse, type MeetingResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { FormError } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';
import { MeetingForm, draftOf, type MeetingBody } from './MeetingForm';
import { MinutesEditor, MinutesView } from './MinutesEditor';
import { useGroupAccess } from './group-access';
import { LocalRange } from './local-times';
import { downloadMeetingIcs, icsFileName } from './meeting-ics';
import { isFormerMember, personName } from '../../ui/person-name';

const ANSWERS = [RsvpResponse.Accepted, RsvpResponse.Tentative, RsvpResponse.Declined] as const;

export default function MeetingPage() {
  const { id } = useParams();
  // Refetched by the query layer on `meeting.updated`.
  const meeting = useApi<MeetingResponse>(`/meetings/${id}`);
  return <Async state={meeting}>{(data) => <MeetingView meeting={data} onChange={meeting.set} />}</Async>;
}

function MeetingView({ meeting, onChange }: { meeting: MeetingResponse; onChange(meeting: MeetingResponse): void }) {
  const { t } = useTranslation('meetings');
  const member = useMember();
  const { group, canManage: groupManager } = useGroupAccess(meeting.workingGroupId);
  const cancelled = meeting.status === MeetingStatus.Cancelled;
  const canManage = groupManager || meeting.organizer?.id === member.id;
  const myZone = meeting.local.timeZone;
  const [editing, setEditing] = useState(false);
  const save = useApiMutation(
    (body: MeetingBody) => api<MeetingResponse>(`/meetings/${meeting.id}`, { method: 'PATCH', body }),
    {
      invalidates: ['/meetings', `/working-groups/${meeting.workingGroupId}`],
      onSuccess: (updated) => {
        onChange(updated);
        setEditing(false);
      },
    },
  );

  if (editing) {
    return (
      <article className="meeting">
        <h1>{t('edit.title')}</h1>
        <p className="muted">{t('edit.hint')}</p>
        <MeetingForm
          groupId={meeting.workingGroupId}
          initial={draftOf(meeting)}
          submitLabel={t('edit.submit')}
          save={save}
          footer={
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              {t('edit.discard')}
            </button>
          }
        />
      </article>
    );
  }

  return (
    <article className="meeting">
      {group.data && (
        <p>
          <Link to={`/groups/${group.data.id}`}>← {group.data.name}</Link>
        </p>
      )}
      <div className="spread">
        <h1>{meeting.title}</h1>
        <span className={cancelled ? 'tag flag' : 'tag'}>{t(`status.${meeting.status}`)}</span>
      </div>
      {cancelled && (
        <p className="warning" role="status">
          {t('meeting.cancelledNotice')}
        </p>
      )}

      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading" className="visually-hidden">
          {t('meeting.details')}
        </h2>
        <dl className="facts">
          <dt>{t('meeting.yourTime', { zone: myZone.replace(/_/g, ' ') })}</dt>
          <dd>
            <LocalRange startsAt={meeting.startsAt} endsAt={meeting.endsAt} zone={myZone} />
          </dd>
          {meeting.timeZone !== myZone && (
            <>
              <dt>{t('meeting.organiserTime', { zone: meeting.timeZone.replace(/_/g, ' ') })}</dt>
              <dd>
                <LocalRange startsAt={meeting.startsAt} endsAt={meeting.endsAt} zone={meeting.timeZone} />
              </dd>
            </>
          )}
          {meeting.organizer && (
            <>
              <dt>{t('meeting.organiser')}</dt>
              <dd>
                {isFormerMember(meeting.organizer) ? (
                  personName(t, meeting.organizer)
                ) : (
                  <Link to={`/members/${meeting.organizer.id}`}>{meeting.organizer.displayName}</Link>
                )}
              </dd>
            </>
          )}
          {meeting.venue && (
            <>
              <dt>{t('form.venue')}</dt>
              <dd>{meeting.venue}</dd>
            </>
          )}
          {meeting.onlineUrl && (
            <>
              <dt>{t('form.onlineUrl')}</dt>
              <dd>
                <a href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" className="break">
                  {meeting.onlineUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
        {meeting.description && <p className="prewrap">{meeting.description}</p>}
        <div className="row">
          <CalendarButton meeting={meeting} />
          {canManage && !cancelled && (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  // A failure from an earlier attempt belongs to that attempt.
                  save.reset();
                  setEditing(true);
                }}
              >
                {t('edit.button')}
              </button>
              <CancelButton meeting={meeting} onChange={onChange} />
            </>
          )}
        </div>
      </section>

      {canManage && meeting.conflicts.length > 0 && <Conflicts meeting={meeting} />}

      {meeting.myResponse !== null && !cancelled && <Rsvp meeting={meeting} onChange={onChange} />}

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('agenda.title')}</h2>
        {meeting.agenda.length === 0 ? (
          <Empty>{t('agenda.none')}</Empty>
        ) : (
          <ol className="card agenda">
            {meeting.agenda.map((item, index) => (
              <li key={index}>
                <strong>{item.title}</strong>
                {(item.presenter || item.durationMinutes) && (
                  <span className="muted">
                    {' — '}
                    {[
                      item.presenter,
                      item.durationMinutes ? t('agenda.duration', { count: item.durationMinutes }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <Invitees meeting={meeting} />

      {meeting.documents.length > 0 && (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('meeting.documents')}</h2>
          <ul className="card list">
            {meeting.documents.map((document) => (
              <li key={document.documentId}>
                {document.title ? (
                  <Link to={`/documents/${document.documentId}`}>{document.title}</Link>
                ) : (
                  <span className="muted">{t('meeting.restrictedDocument')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {canManage && !cancelled ? (
        <MinutesEditor meeting={meeting} onChange={onChange} />
      ) : (
        <MinutesView meeting={meeting} />
      )}
    </article>
  );
}

function Rsvp({ meeting, onChange }: { meeting: MeetingResponse; onChange(meeting: MeetingResponse): void }) {
  const { t } = useTranslation('meetings');
  const rsvp = useApiMutation(
    (response: RsvpResponse) =>
      api<MeetingResponse>(`/meetings/${meeting.id}/rsvp`, { method: 'PUT', body: { response } }),
    { invalidates: ['/meetings'], onSuccess: onChange },
  );
  const { error, pending: busy } = rsvp;
  const answer = rsvp.run;

  return (
    <section className="card" aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading">{t('rsvp.title')}</h2>
      <p role="status">{t('rsvp.current', { answer: t(`rsvp.${meeting.myResponse ?? RsvpResponse.NeedsAction}`) })}</p>
      <div className="row" role="group" aria-labelledby="rsvp-heading">
        {ANSWERS.map((response) => (
          <button
            key={response}
            type="button"
            className={meeting.myResponse === response ? undefined : 'secondary'}
            aria-pressed={meeting.myResponse === response}
            disabled={busy}
            onClick={() => void answer(response)}
          >
            {t(`rsvp.action.${response}`)}
          </button>
        ))}
      </div>
      <FormError error={error} />
    </section>
  );
}

function Invitees({ meeting }: { meeting: MeetingResponse }) {
  const { t } = useTranslation('meetings');
  const counts = new Map<RsvpResponse, number>();
  for (const invitee of meeting.invitees) counts.set(invitee.response, (counts.get(invitee.response) ?? 0) + 1);
  return (
    <section aria-labelledby="invitees-heading">
      <h2 id="invitees-heading">{t('meeting.invitees', { count: meeting.invitees.length })}</h2>
      <p className="muted">
        {Object.values(RsvpResponse)
          .filter((response) => counts.get(response))
          .map((response) => `${t(`rsvp.${response}`)}: ${counts.get(response)}`)
          .join(' · ')}
      </p>
      {meeting.invitees.length === 0 ? (
        <Empty>{t('meeting.noInvitees')}</Empty>
      ) : (
        <div className="table-scroll card">
          <table className="invitees">
            <caption className="visually-hidden">{t('meeting.inviteesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('localTimes.person')}</th>
                <th scope="col">{t('meeting.response')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.invitees.map((invitee) => (
                <tr key={invitee.memberId}>
                  <th scope="row">
                    <Link to={`/members/${invitee.memberId}`}>{invitee.displayName}</Link>
                  </th>
                  <td>
                    <span className={`tag rsvp-${invitee.response}`}>{t(`rsvp.${invitee.response}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Conflicts({ meeting }: { meeting: MeetingResponse }) {
  const { t } = useTranslation('meetings');
  return (
    <section className="card conflicts" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" className="warning">
        {t('meeting.conflicts')}
      </h2>
      <p className="muted">{t('meeting.conflictsHint')}</p>
      <ul className="list">
        {meeting.conflicts.map((conflict) => (
          <li key={`${conflict.memberId}-${conflict.startsAt}`}>
            <strong>{conflict.displayName}</strong>:{' '}
            <LocalRange startsAt={conflict.startsAt} endsAt={conflict.endsAt} zone={meeting.local.timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CalendarButton({ meeting }: { meeting: MeetingResponse }) {
  const { t } = useTranslation('meetings');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    setError(undefined);
    try {
      await downloadMeetingIcs(meeting.id, icsFileName(meeting.title));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
        {t('meeting.addToCalendar')}
      </button>
      <FormError error={error} />
    </>
  );
}

function CancelButton({ meeting, onChange }: { meeting: MeetingResponse; onChange(meeting: MeetingResponse): void }) {
  const { t } = useTranslation('meetings');
  const cancelMeeting = useApiMutation(
    () => api<MeetingResponse>(`/meetings/${meeting.id}/cancel`, { method: 'POST' }),
    {
      invalidates: ['/meetings'],
      onSuccess: onChange,
    },
  );
  const { error, pending: busy } = cancelMeeting;
  async function cancel(event: FormEvent) {
    event.preventDefault();
    if (!window.confirm(t('meeting.cancelConfirm', { title: meeting.title }))) return;
    await cancelMeeting.run();
  }
  return (
    <>
      <button type="button" className="danger" disabled={busy} onClick={(event) => void cancel(event)}>
        {t('meeting.cancel')}
      </button>
      <FormError error={error} />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeetingResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { Field, FormError, TextArea, fieldError } from '../../ui/form';
import { ErrorNotice, Loading } from '../../ui/states';
import {
  LocalTimesTable,
  SlotFields,
  TimeZoneField,
  slotInstants,
  useGroupAccess,
  useGroupMembers,
  type SlotDraft,
} from './parts';
import { addDays, dateKey } from './zoned-time';

interface AgendaDraft {
  key: number;
  title: string;
  presenter: string;
  minutes: string;
}

let nextKey = 1;
const newKey = () => nextKey++;

export default function ScheduleMeetingPage() {
  const { t } = useTranslation('meetings');
  const { id: groupId } = useParams();
  const member = useMember();
  const navigate = useNavigate();
  const { group, canManage } = useGroupAccess(groupId);
  const members = useGroupMembers(groupId);

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [timeZone, setTimeZone] = useState(member.timeZone);
  const [slot, setSlot] = useState<SlotDraft>(() => ({
    key: 0,
    date: addDays(dateKey(Date.now(), member.timeZone), 7),
    start: '10:00',
    end: '12:00',
  }));
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [agenda, setAgenda] = useState<AgendaDraft[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (group.error) return <ErrorNotice error={group.error} />;
  if (!group.data) return <Loading />;
  if (!canManage) {
    return (
      <section className="card">
        <h1>{t('schedule.title')}</h1>
        <p className="error" role="alert">
          {t('schedule.notAllowed')}
        </p>
        <Link to={`/groups/${group.data.id}`}>{group.data.name}</Link>
      </section>
    );
  }

  const instants = slotInstants(slot, timeZone);
  const people = (members.data?.items ?? []).map((m) => ({
    id: m.memberId,
    displayName: m.displayName,
    country: m.country,
    timeZone: m.timeZone,
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const meeting = await api<MeetingResponse>(`/working-groups/${groupId}/meetings`, {
        method: 'POST',
        body: {
          title: title.trim(),
          description: description.trim() || undefined,
          startsAt: instants?.startsAt.toISOString() ?? '',
          endsAt: instants?.endsAt.toISOString() ?? '',
          timeZone,
          venue: venue.trim() || undefined,
          onlineUrl: onlineUrl.trim() || undefined,
          agenda: agenda.map((item) => ({
            title: item.title.trim(),
            presenter: item.presenter.trim() || undefined,
            durationMinutes: item.minutes ? Number(item.minutes) : undefined,
          })),
        },
      });
      navigate(`/meetings/${meeting.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const updateItem = (key: number, change: Partial<AgendaDraft>) =>
    setAgenda((items) => items.map((item) => (item.key === key ? { ...item, ...change } : item)));

  return (
    <form className="meeting-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>
        <Link to={`/groups/${group.data.id}`}>← {group.data.name}</Link>
      </p>
      <h1>{t('schedule.title')}</h1>
      <section className="card">
        <Field
          label={t('form.title')}
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={fieldError(error, 'title')}
        />
        <TextArea
          label={t('form.description')}
          name="description"
          maxLength={8000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={fieldError(error, 'description')}
        />
        <Field
          label={t('form.venue')}
          name="venue"
          maxLength={300}
          value={venue}
          onChange={(event) => setVenue(event.target.value)}
          error={fieldError(error, 'venue')}
        />
        <Field
          label={t('form.onlineUrl')}
          name="onlineUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={onlineUrl}
          onChange={(event) => setOnlineUrl(event.target.value)}
          error={fieldError(error, 'onlineUrl')}
        />
      </section>

      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading">{t('schedule.when')}</h2>
        <TimeZoneField
          label={t('form.timeZone')}
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(error, 'timeZone')}
        />
        <SlotFields
          slot={slot}
          onChange={setSlot}
          legend={t('schedule.slotLegend', { zone: timeZone.replace(/_/g, ' ') })}
          errors={{ startsAt: fieldError(error, 'startsAt'), endsAt: fieldError(error, 'endsAt') }}
        />
        {!instants && (
          <p className="warning" role="status">
            {t('form.incompleteTime')}
          </p>
        )}
        <h3>{t('schedule.invitees')}</h3>
        <p className="muted">{t('schedule.inviteesHint')}</p>
        {members.error ? (
          <ErrorNotice error={members.error} />
        ) : !members.data ? (
          <Loading />
        ) : instants ? (
          <LocalTimesTable
            startsAt={instants.startsAt}
            endsAt={instants.endsAt}
            people={people}
            caption={t('localTimes.caption')}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('agenda.title')}</h2>
        {agenda.length === 0 && <p className="empty">{t('agenda.none')}</p>}
        <ol className="agenda-edit">
          {agenda.map((item, index) => (
            <li key={item.key}>
              <fieldset>
                <legend>{t('agenda.item', { number: index + 1 })}</legend>
                <div className="filters">
                  <Field
                    label={t('agenda.itemTitle')}
                    required
                    maxLength={300}
                    value={item.title}
                    onChange={(event) => updateItem(item.key, { title: event.target.value })}
                    error={fieldError(error, `agenda[${index}].title`)}
                  />
                  <Field
                    label={t('agenda.presenter')}
                    maxLength={200}
                    value={item.presenter}
                    onChange={(event) => updateItem(item.key, { presenter: event.target.value })}
                    error={fieldError(error, `agenda[${index}].presenter`)}
                  />
                  <Field
                    label={t('agenda.minutes')}
                    type="number"
                    min={1}
                    max={1440}
                    inputMode="numeric"
                    className="narrow"
                    value={item.minutes}
                    onChange={(event) => updateItem(item.key, { minutes: event.target.value })}
                    error={fieldError(error, `agenda[${index}].durationMinutes`)}
                  />
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setAgenda((items) => items.filter((other) => other.key !== item.key))}
                  >
                    {t('agenda.remove', { number: index + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() => setAgenda((items) => [...items, { key: newKey(), title: '', presenter: '', minutes: '' }])}
        >
          {t('agenda.add')}
        </button>
      </section>

      <FormError error={error} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {t('schedule.submit')}
        </button>
        <Link to={`/groups/${group.data.id}`}>{t('common:cancel')}</Link>
      </div>
    </form>
  );
}

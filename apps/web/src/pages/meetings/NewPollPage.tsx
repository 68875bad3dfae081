import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PollResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { Field, FormError, fieldError } from '../../ui/form';
import { ErrorNotice, Loading } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';
import { useGroupAccess, useGroupMembers } from './group-access';
import { LocalTimesTable } from './local-times';
import { TimeZoneField } from '../../ui/time-zone-field';
import { SlotFields, slotInstants, type SlotDraft } from './slot-fields';
import { SlotSuggestions } from './SlotSuggestions';
import { addDays, dateKey, timeKey, zonedToInstant } from './zoned-time';

const MAX_SLOTS = 30;
let nextKey = 1;

export default function NewPollPage() {
  const { t } = useTranslation('meetings');
  const { id: groupId } = useParams();
  const member = useMember();
  const navigate = useNavigate();
  const { group, canManage } = useGroupAccess(groupId);
  const members = useGroupMembers(groupId);

  const [title, setTitle] = useState('');
  const [timeZone, setTimeZone] = useState(member.timeZone);
  // A wall-clock moment in the form's zone (`datetime-local`), empty for none.
  const [deadline, setDeadline] = useState('');
  const [slots, setSlots] = useState<SlotDraft[]>(() => {
    const nextWeek = addDays(dateKey(Date.now(), member.timeZone), 7);
    return [
      { key: nextKey++, date: nextWeek, start: '10:00', end: '12:00' },
      { key: nextKey++, date: addDays(nextWeek, 1), start: '10:00', end: '12:00' },
    ];
  });
  // An open poll shows on its group's page.
  const create = useApiMutation(
    (body: unknown) => api<PollResponse>(`/working-groups/${groupId}/polls`, { method: 'POST', body }),
    { invalidates: [`/working-groups/${groupId}`], onSuccess: (poll) => navigate(`/polls/${poll.id}`) },
  );
  const { error, pending: busy } = create;

  if (group.error) return <ErrorNotice error={group.error} />;
  if (!group.data) return <Loading />;
  if (!canManage) {
    return (
      <section className="card">
        <h1>{t('newPoll.title')}</h1>
        <p className="error" role="alert">
          {t('newPoll.notAllowed')}
        </p>
        <Link to={`/groups/${group.data.id}`}>{group.data.name}</Link>
      </section>
    );
  }

  const people = (members.data?.items ?? []).map((m) => ({
    id: m.memberId,
    displayName: m.displayName,
    country: m.country,
    timeZone: m.timeZone,
  }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [deadlineDate, deadlineTime] = deadline.split('T');
    const deadlineAt = deadlineDate && deadlineTime ? zonedToInstant(deadlineDate, deadlineTime, timeZone) : undefined;
    void create.run({
      title: title.trim(),
      timeZone,
      ...(deadline ? { deadline: deadlineAt?.toISOString() ?? deadline } : {}),
      options: slots.map((slot) => {
        const instants = slotInstants(slot, timeZone);
        return { startsAt: instants?.startsAt.toISOString() ?? '', endsAt: instants?.endsAt.toISOString() ?? '' };
      }),
    });
  }

  const update = (next: SlotDraft) => setSlots((all) => all.map((slot) => (slot.key === next.key ? next : slot)));
  const addSlot = () =>
    setSlots((all) => {
      const last = all[all.length - 1];
      const date = last ? addDays(last.date, 1) : addDays(dateKey(Date.now(), timeZone), 7);
      return [...all, { key: nextKey++, date, start: last?.start ?? '10:00', end: last?.end ?? '12:00' }];
    });

  const pick = ({ startsAt, endsAt }: { startsAt: string; endsAt: string }) =>
    setSlots((all) =>
      all.length >= MAX_SLOTS
        ? all
        : [
            ...all,
            {
              key: nextKey++,
              date: dateKey(startsAt, timeZone),
              start: timeKey(startsAt, timeZone),
              end: timeKey(endsAt, timeZone),
            },
          ],
    );

  return (
    <form className="meeting-form" onSubmit={submit} noValidate>
      <p>
        <Link to={`/groups/${group.data.id}`}>← {group.data.name}</Link>
      </p>
      <h1>{t('newPoll.title')}</h1>
      <p className="muted">{t('newPoll.intro')}</p>
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
        <TimeZoneField
          label={t('form.timeZone')}
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(error, 'timeZone')}
        />
        <Field
          label={t('newPoll.deadline', { zone: timeZone.replace(/_/g, ' ') })}
          name="deadline"
          type="datetime-local"
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
          hint={t('newPoll.deadlineHint')}
          error={fieldError(error, 'deadline')}
        />
      </section>
      <section className="card" aria-labelledby="slots-heading">
        <h2 id="slots-heading">{t('newPoll.slots')}</h2>
        {fieldError(error, 'options') && <p className="field-error">{fieldError(error, 'options')}</p>}
        <ol className="slot-list">
          {slots.map((slot, index) => {
            const instants = slotInstants(slot, timeZone);
            return (
              <li key={slot.key}>
                <SlotFields
                  slot={slot}
                  onChange={update}
                  legend={t('newPoll.slot', { number: index + 1, zone: timeZone.replace(/_/g, ' ') })}
                  errors={{
                    startsAt: fieldError(error, `options[${index}].startsAt`),
                    endsAt: fieldError(error, `options[${index}].endsAt`),
                  }}
                />
                {instants ? (
                  people.length > 0 && (
                    <details>
                      <summary>{t('newPoll.preview', { number: index + 1 })}</summary>
                      <LocalTimesTable
                        startsAt={instants.startsAt}
                        endsAt={instants.endsAt}
                        people={people}
                        caption={t('newPoll.previewCaption', { number: index + 1 })}
                      />
                    </details>
                  )
                ) : (
                  <p className="warning">{t('form.incompleteTime')}</p>
                )}
                {slots.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setSlots((all) => all.filter((other) => other.key !== slot.key))}
                  >
                    {t('newPoll.removeSlot', { number: index + 1 })}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" className="secondary" onClick={addSlot} disabled={slots.length >= MAX_SLOTS}>
          {t('newPoll.addSlot')}
        </button>
      </section>
      <SlotSuggestions groupId={group.data.id} timeZone={timeZone} onPick={pick} />
      <FormError error={error} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {t('newPoll.submit')}
        </button>
        <Link to={`/groups/${group.data.id}`}>{t('common:cancel')}</Link>
      </div>
    </form>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingResponse } from '@lcc/contracts';
import { Field, FormError, TextArea, fieldError } from '../../ui/form';
import { ErrorNotice, Loading } from '../../ui/states';
import type { Submit } from '../../ui/use-api';
import { useGroupMembers } from './group-access';
import { LocalTimesTable } from './local-times';
import { TimeZoneField } from '../../ui/time-zone-field';
import { SlotFields, slotInstants, type SlotDraft } from './slot-fields';
import { addDays, dateKey, timeKey } from './zoned-time';

interface AgendaDraft {
  key: number;
  title: string;
  presenter: string;
  minutes: string;
}

/** What the form edits; times as wall-clock readings in `timeZone`. */
export interface MeetingDraft {
  title: string;
  description: string;
  timeZone: string;
  slot: SlotDraft;
  venue: string;
  onlineUrl: string;
  agenda: AgendaDraft[];
}

/** The fields as the API takes them (create and PATCH alike); empty texts become null. */
export interface MeetingBody {
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  agenda: { title: string; presenter: string | null; durationMinutes: number | null }[];
}

let nextKey = 1;

/** A new meeting: next week, 10:00–12:00 in the organiser's zone. */
export function blankDraft(timeZone: string): MeetingDraft {
  return {
    title: '',
    description: '',
    timeZone,
    slot: { key: 0, date: addDays(dateKey(Date.now(), timeZone), 7), start: '10:00', end: '12:00' },
    venue: '',
    onlineUrl: '',
    agenda: [],
  };
}

/** An existing meeting, its times read in its own zone. */
export function draftOf(meeting: MeetingResponse): MeetingDraft {
  const zone = meeting.timeZone;
  return {
    title: meeting.title,
    description: meeting.description ?? '',
    timeZone: zone,
    slot: {
      key: 0,
      date: dateKey(meeting.startsAt, zone),
      start: timeKey(meeting.startsAt, zone),
      end: timeKey(meeting.endsAt, zone),
    },
    venue: meeting.venue ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    agenda: meeting.agenda.map((item) => ({
      key: nextKey++,
      title: item.title,
      presenter: item.presenter ?? '',
      minutes: item.durationMinutes ? String(item.durationMinutes) : '',
    })),
  };
}

function bodyOf(draft: MeetingDraft): MeetingBody {
  const instants = slotInstants(draft.slot, draft.timeZone);
  const text = (value: string) => value.trim() || null;
  return {
    title: draft.title.trim(),
    description: text(draft.description),
    // An incomplete time goes to the API as it is, so its complaint lands at the date field.
    startsAt: instants?.startsAt.toISOString() ?? '',
    endsAt: instants?.endsAt.toISOString() ?? '',
    timeZone: draft.timeZone,
    venue: text(draft.venue),
    onlineUrl: text(draft.onlineUrl),
    agenda: draft.agenda.map((item) => ({
      title: item.title.trim(),
      presenter: text(item.presenter),
      durationMinutes: item.minutes ? Number(item.minutes) : null,
    })),
  };
}

/**
 * Title, description, place, time (in a chosen zone, with each invitee's local time beside it) and agenda of a
 * meeting: used to schedule one and to change one.
 */
export function MeetingForm({
  groupId,
  initial,
  submitLabel,
  save,
  footer,
}: {
  groupId: string;
  initial: MeetingDraft;
  submitLabel: string;
  /** The change the form submits (creating or updating the meeting); its failure shows on the form. */
  save: Submit<[MeetingBody], MeetingResponse>;
  /** Beside the submit button (a cancel link or button). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const members = useGroupMembers(groupId);
  const [draft, setDraft] = useState(initial);
  const { error, pending: busy } = save;
  const instants = slotInstants(draft.slot, draft.timeZone);
  const people = (members.data?.items ?? []).map((m) => ({
    id: m.memberId,
    displayName: m.displayName,
    country: m.country,
    timeZone: m.timeZone,
  }));
  const change = (fields: Partial<MeetingDraft>) => setDraft((current) => ({ ...current, ...fields }));
  const updateItem = (key: number, fields: Partial<AgendaDraft>) =>
    change({ agenda: draft.agenda.map((item) => (item.key === key ? { ...item, ...fields } : item)) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run(bodyOf(draft));
  }

  return (
    <form className="meeting-form" onSubmit={submit} noValidate>
      <section className="card">
        <Field
          label={t('form.title')}
          name="title"
          required
          maxLength={200}
          value={draft.title}
          onChange={(event) => change({ title: event.target.value })}
          error={fieldError(error, 'title')}
        />
        <TextArea
          label={t('form.description')}
          name="description"
          maxLength={8000}
          value={draft.description}
          onChange={(event) => change({ description: event.target.value })}
          error={fieldError(error, 'description')}
        />
        <Field
          label={t('form.venue')}
          name="venue"
          maxLength={300}
          value={draft.venue}
          onChange={(event) => change({ venue: event.target.value })}
          error={fieldError(error, 'venue')}
        />
        <Field
          label={t('form.onlineUrl')}
          name="onlineUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft.onlineUrl}
          onChange={(event) => change({ onlineUrl: event.target.value })}
          error={fieldError(error, 'onlineUrl')}
        />
      </section>

      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading">{t('schedule.when')}</h2>
        <TimeZoneField
          label={t('form.timeZone')}
          value={draft.timeZone}
          onChange={(timeZone) => change({ timeZone })}
          error={fieldError(error, 'timeZone')}
        />
        <SlotFields
          slot={draft.slot}
          onChange={(slot) => change({ slot })}
          legend={t('schedule.slotLegend', { zone: draft.timeZone.replace(/_/g, ' ') })}
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
        {draft.agenda.length === 0 && <p className="empty">{t('agenda.none')}</p>}
        <ol className="agenda-edit">
          {draft.agenda.map((item, index) => (
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
                    onClick={() => change({ agenda: draft.agenda.filter((other) => other.key !== item.key) })}
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
          onClick={() =>
            change({ agenda: [...draft.agenda, { key: nextKey++, title: '', presenter: '', minutes: '' }] })
          }
        >
          {t('agenda.add')}
        </button>
      </section>

      <FormError error={error} />
      <div className="row">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {footer}
      </div>
    </form>
  );
}

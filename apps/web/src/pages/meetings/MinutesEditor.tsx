import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, FormError, SelectField, TextArea, fieldError } from '../../ui/form';
import { useFormat } from '../../ui/format';
import { Empty } from '../../ui/states';
import { useApiMutation } from '../../ui/use-api';

interface ItemDraft {
  key: string;
  id?: string;
  text: string;
  ownerId: string;
  dueDate: string;
  done: boolean;
}

let nextKey = 1;

function drafts(meeting: MeetingResponse): ItemDraft[] {
  return meeting.actionItems.map((item) => ({
    key: item.id,
    id: item.id,
    text: item.text,
    ownerId: item.ownerId ?? '',
    dueDate: item.dueDate ?? '',
    done: item.done,
  }));
}

/** Minutes and action items as everyone reads them. */
export function MinutesView({ meeting }: { meeting: MeetingResponse }) {
  const { t } = useTranslation('meetings');
  // Due dates are calendar dates, not instants: format them without shifting into a zone.
  const format = useFormat('UTC');
  const owner = (id: string | null) => meeting.invitees.find((invitee) => invitee.memberId === id)?.displayName;
  return (
    <>
      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t('minutes.title')}</h2>
        {meeting.minutes ? <div className="card prewrap">{meeting.minutes}</div> : <Empty>{t('minutes.none')}</Empty>}
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('actions.title')}</h2>
        {meeting.actionItems.length === 0 ? (
          <Empty>{t('actions.none')}</Empty>
        ) : (
          <ul className="card list">
            {meeting.actionItems.map((item) => (
              <li key={item.id} className={item.done ? 'done' : undefined}>
                <span className={item.done ? 'tag ok' : 'tag'}>
                  {item.done ? t('actions.done') : t('actions.open')}
                </span>{' '}
                {item.text}
                <span className="muted">
                  {owner(item.ownerId) && ` — ${t('actions.ownerIs', { name: owner(item.ownerId) })}`}
                  {item.dueDate && ` — ${t('actions.dueOn', { date: format.date(`${item.dueDate}T00:00:00Z`) })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Organisers, the group's leads and coordinators keep the minutes and the action items (PATCH replaces the list). */
export function MinutesEditor({
  meeting,
  onChange,
}: {
  meeting: MeetingResponse;
  onChange(meeting: MeetingResponse): void;
}) {
  const { t } = useTranslation('meetings');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [items, setItems] = useState<ItemDraft[]>(() => drafts(meeting));
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (body: unknown) => api<MeetingResponse>(`/meetings/${meeting.id}`, { method: 'PATCH', body }),
    { invalidates: ['/meetings'] },
  );
  const { error, pending: busy } = save;
  const owners = [
    { value: '', label: t('actions.noOwner') },
    ...meeting.invitees.map((invitee) => ({ value: invitee.memberId, label: invitee.displayName })),
  ];

  const update = (key: string, change: Partial<ItemDraft>) => {
    setSaved(false);
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const updated = await save.run({
      minutes: minutes.trim() ? minutes : null,
      actionItems: items.map((item) => ({
        ...(item.id ? { id: item.id } : {}),
        text: item.text.trim(),
        ownerId: item.ownerId || null,
        dueDate: item.dueDate || null,
        done: item.done,
      })),
    });
    if (!updated) return;
    onChange(updated);
    setItems(drafts(updated));
    setMinutes(updated.minutes ?? '');
    setSaved(true);
  }

  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('minutes.title')}</h2>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <TextArea
          label={t('minutes.label')}
          name="minutes"
          rows={8}
          maxLength={100000}
          value={minutes}
          onChange={(event) => {
            setSaved(false);
            setMinutes(event.target.value);
          }}
          error={fieldError(error, 'minutes')}
        />
        <h3>{t('actions.title')}</h3>
        {items.length === 0 && <p className="empty">{t('actions.none')}</p>}
        <ol className="action-edit">
          {items.map((item, index) => (
            <li key={item.key}>
              <fieldset>
                <legend>{t('actions.item', { number: index + 1 })}</legend>
                <Field
                  label={t('actions.text')}
                  required
                  maxLength={1000}
                  value={item.text}
                  onChange={(event) => update(item.key, { text: event.target.value })}
                  error={fieldError(error, `actionItems[${index}].text`)}
                />
                <div className="filters">
                  <SelectField
                    label={t('actions.owner')}
                    value={item.ownerId}
                    onChange={(event) => update(item.key, { ownerId: event.target.value })}
                    options={owners}
                    error={fieldError(error, `actionItems[${index}].ownerId`)}
                  />
                  <Field
                    label={t('actions.due')}
                    type="date"
                    value={item.dueDate}
                    onChange={(event) => update(item.key, { dueDate: event.target.value })}
                    error={fieldError(error, `actionItems[${index}].dueDate`)}
                  />
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={item.done}
                      onChange={(event) => update(item.key, { done: event.target.checked })}
                    />{' '}
                    {t('actions.done')}
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setSaved(false);
                      setItems((all) => all.filter((other) => other.key !== item.key));
                    }}
                  >
                    {t('actions.remove', { number: index + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setItems((all) => [...all, { key: `new-${nextKey++}`, text: '', ownerId: '', dueDate: '', done: false }])
            }
          >
            {t('actions.add')}
          </button>
        </div>
        <FormError error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('minutes.save')}
          </button>
          {saved && (
            <span role="status" className="muted">
              {t('common:saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

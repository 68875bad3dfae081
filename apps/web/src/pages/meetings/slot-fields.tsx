import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/form';
import { zonedToInstant } from './zoned-time';

/** A candidate time as the form holds it: a day and two wall-clock times in the form's zone. */
export interface SlotDraft {
  key: number;
  date: string;
  start: string;
  end: string;
}

/** The instants a draft stands for; an end at or before the start runs into the next day (e.g. 22:00–01:00). */
export function slotInstants(slot: SlotDraft, zone: string): { startsAt: Date; endsAt: Date } | undefined {
  const startsAt = zonedToInstant(slot.date, slot.start, zone);
  const endsAtSameDay = zonedToInstant(slot.date, slot.end, zone);
  if (!startsAt || !endsAtSameDay) return undefined;
  if (endsAtSameDay > startsAt) return { startsAt, endsAt: endsAtSameDay };
  const [year, month, day] = slot.date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  const endsAt = zonedToInstant(next, slot.end, zone);
  return endsAt && endsAt > startsAt ? { startsAt, endsAt } : undefined;
}

/** Day, start and end of one slot, side by side (they wrap on a narrow screen). */
export function SlotFields({
  slot,
  onChange,
  legend,
  errors,
}: {
  slot: SlotDraft;
  onChange(slot: SlotDraft): void;
  legend: string;
  errors?: { startsAt?: string; endsAt?: string };
}) {
  const { t } = useTranslation('meetings');
  return (
    <fieldset className="slot-fields">
      <legend>{legend}</legend>
      <div className="filters">
        <Field
          label={t('form.date')}
          type="date"
          required
          value={slot.date}
          onChange={(event) => onChange({ ...slot, date: event.target.value })}
          error={errors?.startsAt}
        />
        <Field
          label={t('form.start')}
          type="time"
          required
          step={300}
          value={slot.start}
          onChange={(event) => onChange({ ...slot, start: event.target.value })}
        />
        <Field
          label={t('form.end')}
          type="time"
          required
          step={300}
          value={slot.end}
          onChange={(event) => onChange({ ...slot, end: event.target.value })}
          error={errors?.endsAt}
        />
      </div>
    </fieldset>
  );
}

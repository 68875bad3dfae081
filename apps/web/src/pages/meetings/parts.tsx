import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GroupMembershipStatus,
  GroupRole,
  NetworkRole,
  type GroupMemberResponse,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { fetchFile } from '../../api/client';
import { saveFile } from '../../ui/save-file';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Field, SelectField } from '../../ui/form';
import { useMemberOptions } from '../../ui/options';
import { useApi, type Loaded } from '../../ui/use-api';
import { slotFlags, zonedToInstant } from './zoned-time';

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

/** Network staff and the group's leads schedule meetings, open polls and close them. */
export function useGroupAccess(groupId: string | undefined) {
  const member = useMember();
  const group = useApi<WorkingGroupResponse>(groupId ? `/working-groups/${groupId}` : null);
  const staff = member.role === NetworkRole.Admin || member.role === NetworkRole.Coordinator;
  const lead =
    group.data?.myMembership?.status === GroupMembershipStatus.Active &&
    group.data.myMembership.role === GroupRole.Lead;
  return { group, canManage: staff || lead };
}

/** The group's active members (at most the first 100: the size of a working group, not of the network). */
export function useGroupMembers(groupId: string | undefined): Loaded<Page<GroupMemberResponse>> {
  return useApi<Page<GroupMemberResponse>>(groupId ? `/working-groups/${groupId}/members?limit=100` : null);
}

/** A time-zone picker that always offers the current value, even an alias the browser does not list. */
export function TimeZoneField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange(zone: string): void;
  error?: string;
}) {
  const { timeZones } = useMemberOptions();
  const options = useMemo(
    () =>
      timeZones.some((zone) => zone.value === value)
        ? timeZones
        : [{ value, label: value.replace(/_/g, ' ') }, ...timeZones],
    [timeZones, value],
  );
  return (
    <SelectField
      label={label}
      name="timeZone"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={options}
      error={error}
    />
  );
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

export interface Person {
  id: string;
  displayName: string;
  country: string;
  timeZone: string;
}

/**
 * How one slot reads for each person: their local start and end, flagged when it falls outside 08:00–19:00 or on
 * a weekend there.
 */
export function LocalTimesTable({
  startsAt,
  endsAt,
  people,
  caption,
}: {
  startsAt: Date;
  endsAt: Date;
  people: Person[];
  caption: string;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  if (people.length === 0) return <p className="empty">{t('localTimes.nobody')}</p>;
  return (
    <div className="table-scroll">
      <table className="local-times">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('localTimes.person')}</th>
            <th scope="col">{t('localTimes.country')}</th>
            <th scope="col">{t('localTimes.localTime')}</th>
            <th scope="col">{t('localTimes.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const flags = slotFlags(startsAt, endsAt, person.timeZone);
            return (
              <tr key={person.id}>
                <th scope="row">{person.displayName}</th>
                <td>{format.country(person.country)}</td>
                <td>
                  <LocalRange startsAt={startsAt} endsAt={endsAt} zone={person.timeZone} />
                </td>
                <td>
                  <SlotNotes offHours={flags.offHours} weekend={flags.weekend} holiday={null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Wed 10 Mar, 09:00 – 11:00 GMT+9" in a given zone. */
export function LocalRange({
  startsAt,
  endsAt,
  zone,
}: {
  startsAt: Date | string;
  endsAt: Date | string;
  zone: string;
}) {
  const { i18n } = useTranslation();
  const text = useMemo(() => {
    const range = new Intl.DateTimeFormat(i18n.language, {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    return range.formatRange(new Date(startsAt), new Date(endsAt));
  }, [i18n.language, zone, startsAt, endsAt]);
  return <span title={zone}>{text}</span>;
}

/** Tags for what makes a slot hard: off-hours, weekend, a public holiday (by name). "OK" when nothing does. */
export function SlotNotes({
  offHours,
  weekend,
  holiday,
}: {
  offHours: boolean;
  weekend: boolean;
  holiday: { name: string } | null;
}) {
  const { t } = useTranslation('meetings');
  if (!offHours && !weekend && !holiday) return <span className="tag ok">{t('localTimes.ok')}</span>;
  return (
    <span className="row">
      {offHours && <span className="tag flag">{t('localTimes.offHours')}</span>}
      {weekend && <span className="tag flag">{t('localTimes.weekend')}</span>}
      {holiday && <span className="tag flag">{t('localTimes.holiday', { name: holiday.name })}</span>}
    </span>
  );
}

/**
 * Saves the meeting's .ics file (the route needs the bearer token, so a plain link cannot fetch it).
 */
export async function downloadMeetingIcs(meetingId: string, fileName: string): Promise<void> {
  const response = await fetchFile(`/meetings/${meetingId}/ics`);
  saveFile(await response.blob(), fileName);
}

/** A file name from a title: letters and digits of any script, dashes between. */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'meeting'}.ics`;
}

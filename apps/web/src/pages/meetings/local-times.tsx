import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { slotFlags } from './zoned-time';

/** Someone whose local time the tables show. */
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
  const format = useFormat();
  const text = useMemo(
    () => format.range(new Date(startsAt).toISOString(), new Date(endsAt).toISOString(), zone),
    [format, zone, startsAt, endsAt],
  );
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

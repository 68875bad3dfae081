import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MeetingStatus, type MeetingResponse } from '@lcc/contracts';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useAllPages } from '../../ui/use-api';
import { CalendarFeed } from './CalendarFeed';
import { addDays, dateKey, isoDay, zonedParts, zonedToInstant } from './zoned-time';

type View = 'month' | 'agenda';
const MAX_PAGES = 10;

/** `YYYY-MM` → year and 1-based month; anything else → undefined. */
function parseMonth(value: string | null): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

const monthParam = (year: number, month: number) => isoDay(year, month, 1).slice(0, 7);

/** Monday-first weeks covering the month: the first and last day shown. */
function gridRange(year: number, month: number): { first: string; last: string } {
  const firstOfMonth = new Date(Date.UTC(year, month - 1, 1));
  const lead = (firstOfMonth.getUTCDay() + 6) % 7;
  const first = isoDay(year, month, 1 - lead);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastOfMonth = isoDay(year, month, daysInMonth);
  const trail = 6 - ((new Date(Date.UTC(year, month - 1, daysInMonth)).getUTCDay() + 6) % 7);
  return { first, last: addDays(lastOfMonth, trail) };
}

/** My meetings overlapping [from, to), every page of them; the query layer refetches them on `meeting.updated`. */
function useMyMeetings(from: Date | undefined, to: Date | undefined) {
  const fromIso = from?.toISOString();
  const toIso = to?.toISOString();
  const meetings = useAllPages<MeetingResponse>(
    fromIso && toIso ? '/meetings' : null,
    { from: fromIso, to: toIso, mine: true, limit: 100 },
    MAX_PAGES,
  );
  return { items: meetings.data, error: meetings.error };
}

export default function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const member = useMember();
  const format = useFormat();
  const zone = format.timeZone;
  const [params, setParams] = useSearchParams();
  const today = dateKey(Date.now(), zone);
  const now = zonedParts(Date.now(), zone);
  const { year, month } = parseMonth(params.get('month')) ?? { year: now.year, month: now.month };
  const view: View = params.get('view') === 'agenda' ? 'agenda' : 'month';

  const { first, last } = useMemo(() => gridRange(year, month), [year, month]);
  const from = useMemo(() => zonedToInstant(first, '00:00', zone), [first, zone]);
  const to = useMemo(() => zonedToInstant(addDays(last, 1), '00:00', zone), [last, zone]);
  const { items, error } = useMyMeetings(from, to);

  const byDay = useMemo(() => {
    const days = new Map<string, MeetingResponse[]>();
    for (const meeting of items ?? []) {
      const key = dateKey(meeting.startsAt, zone);
      days.set(key, [...(days.get(key) ?? []), meeting]);
    }
    return days;
  }, [items, zone]);

  const monthTitle = format.calendar.month(year, month);
  const go = (change: { month?: string; view?: View }) => {
    const next = new URLSearchParams(params);
    if (change.month) next.set('month', change.month);
    if (change.view) next.set('view', change.view);
    setParams(next);
  };
  const shift = (delta: number) => {
    const date = new Date(Date.UTC(year, month - 1 + delta, 1));
    go({ month: monthParam(date.getUTCFullYear(), date.getUTCMonth() + 1) });
  };

  return (
    <section className="meetings-page">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.zone', { zone: member.timeZone.replace(/_/g, ' ') })}</p>
      <div className="spread calendar-toolbar">
        <div className="row" role="group" aria-label={t('list.monthNavigation')}>
          <button type="button" className="secondary" onClick={() => shift(-1)}>
            <span aria-hidden="true">‹ </span>
            {t('list.previous')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => go({ month: monthParam(now.year, now.month) })}
            title={t('list.thisMonth')}
          >
            {t('list.today')}
          </button>
          <button type="button" className="secondary" onClick={() => shift(1)}>
            {t('list.next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <h2 className="month-title" aria-live="polite">
          {monthTitle}
        </h2>
        <div className="row" role="group" aria-label={t('list.view')}>
          {(['month', 'agenda'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={view === option ? undefined : 'secondary'}
              aria-pressed={view === option}
              onClick={() => go({ view: option })}
            >
              {t(`list.views.${option}`)}
            </button>
          ))}
        </div>
      </div>

      {error ? (
        <ErrorNotice error={error} />
      ) : !items ? (
        <Loading />
      ) : view === 'month' ? (
        <MonthGrid year={year} month={month} first={first} last={last} today={today} byDay={byDay} title={monthTitle} />
      ) : (
        <AgendaList year={year} month={month} byDay={byDay} />
      )}
      <CalendarFeed />
    </section>
  );
}

function MonthGrid({
  year,
  month,
  first,
  last,
  today,
  byDay,
  title,
}: {
  year: number;
  month: number;
  first: string;
  last: string;
  today: string;
  byDay: Map<string, MeetingResponse[]>;
  title: string;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const weeks: string[][] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    weeks[weeks.length - 1].push(day);
  }
  const { weekdayShort, weekdayLong, dayNumber, dayLong } = format.calendar;
  const inMonth = (day: string) => day.startsWith(monthParam(year, month));

  return (
    <div className="table-scroll">
      <table className="month-grid">
        <caption className="visually-hidden">{t('list.monthCaption', { month: title })}</caption>
        <thead>
          <tr>
            {weeks[0].map((day) => (
              <th scope="col" key={day}>
                <abbr title={weekdayLong(day)}>{weekdayShort(day)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const meetings = byDay.get(day) ?? [];
                const classes = [inMonth(day) ? '' : 'outside', day === today ? 'today' : ''].filter(Boolean);
                return (
                  <td
                    key={day}
                    className={classes.join(' ') || undefined}
                    aria-current={day === today ? 'date' : undefined}
                  >
                    <time dateTime={day} className="day-number" aria-label={dayLong(day)}>
                      {dayNumber(day)}
                    </time>
                    {meetings.length > 0 && (
                      <ul className="day-meetings">
                        {meetings.map((meeting) => (
                          <li
                            key={meeting.id}
                            className={meeting.status === MeetingStatus.Cancelled ? 'cancelled' : undefined}
                          >
                            <Link to={`/meetings/${meeting.id}`} title={meeting.title}>
                              <span className="meeting-time">{format.time(meeting.startsAt)}</span>{' '}
                              <span className="meeting-title">{meeting.title}</span>
                              {meeting.status === MeetingStatus.Cancelled && (
                                <span className="visually-hidden"> ({t('status.cancelled')})</span>
                              )}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AgendaList({ year, month, byDay }: { year: number; month: number; byDay: Map<string, MeetingResponse[]> }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const prefix = monthParam(year, month);
  const days = [...byDay.keys()].filter((day) => day.startsWith(prefix)).sort();
  if (days.length === 0) return <Empty>{t('list.empty')}</Empty>;
  return (
    <div className="agenda-view">
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>
            <time dateTime={day}>{format.calendar.dayLong(day)}</time>
          </h3>
          <ul className="list card">
            {(byDay.get(day) ?? []).map((meeting) => (
              <li key={meeting.id} className="spread">
                <span>
                  <span className="meeting-time">
                    {format.time(meeting.startsAt)}–{format.time(meeting.endsAt)}
                  </span>{' '}
                  <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
                </span>
                <span className="row">
                  {meeting.status === MeetingStatus.Cancelled && (
                    <span className="tag flag">{t('status.cancelled')}</span>
                  )}
                  {meeting.myResponse && (
                    <span className={`tag rsvp-${meeting.myResponse}`}>{t(`rsvp.${meeting.myResponse}`)}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

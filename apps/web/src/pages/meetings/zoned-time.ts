/**
 * Wall-clock arithmetic in IANA time zones with the browser's Intl data only (no date library in the bundle).
 * Dates are `YYYY-MM-DD` and times `HH:mm`, as `<input type="date|time">` reads and writes them.
 */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: Date | string | number, zone: string): ZonedParts {
  const parts = partsFormat(zone).formatToParts(new Date(instant));
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '0';
  return {
    year: Number(value('year')),
    month: Number(value('month')),
    day: Number(value('day')),
    hour: Number(value('hour')) % 24,
    minute: Number(value('minute')),
    weekday: WEEKDAYS.indexOf(value('weekday')),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(epoch: number, zone: string): number {
  const p = zonedParts(epoch, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(epoch / 60_000) * 60_000;
}

/**
 * The instant at which the zone's clock reads `date` `time`. Two passes settle offsets that change in between
 * (daylight saving). A time read twice (clocks going back) is the earlier instant; a time skipped (clocks going
 * forward) moves forward by the gap, as calendar apps do.
 */
export function zonedToInstant(date: string, time: string, zone: string): Date | undefined {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})/.exec(time);
  if (!dateMatch || !timeMatch) return undefined;
  const wall = Date.UTC(+dateMatch[1], +dateMatch[2] - 1, +dateMatch[3], +timeMatch[1], +timeMatch[2]);
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  const readsAsWall = (epoch: number) => {
    const p = zonedParts(epoch, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  const exact = [first, second].filter(readsAsWall);
  return new Date(exact.length ? Math.min(...exact) : Math.max(first, second));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in a zone. */
export function dateKey(instant: Date | string | number, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:mm` of an instant in a zone. */
export function timeKey(instant: Date | string | number, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DD` for a calendar day (month is 1-based; overflowing days roll over). */
export function isoDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return isoDay(year, month, day + days);
}

const WORKDAY_START_MINUTES = 8 * 60;
const WORKDAY_END_MINUTES = 19 * 60;

/**
 * What makes a slot hard for someone in a zone, by the server's rule for polls: off-hours when any part lies
 * outside 08:00–19:00 local (the end is exclusive, so 17:00–19:00 is fine and a slot past midnight is not);
 * weekend when it starts or ends on a local Saturday or Sunday.
 */
export function slotFlags(startsAt: Date, endsAt: Date, zone: string): { offHours: boolean; weekend: boolean } {
  const start = zonedParts(startsAt, zone);
  const last = zonedParts(endsAt.getTime() - 1, zone);
  const minutes = (p: ZonedParts) => p.hour * 60 + p.minute;
  const sameDay = start.year === last.year && start.month === last.month && start.day === last.day;
  const offHours = minutes(start) < WORKDAY_START_MINUTES || !sameDay || minutes(last) >= WORKDAY_END_MINUTES;
  const weekend = [start.weekday, last.weekday].some((day) => day === 0 || day === 6);
  return { offHours, weekend };
}

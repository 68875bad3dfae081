/**
 * Wall-clock views of UTC instants in IANA time zones, built on `Intl.DateTimeFormat` alone so that the
 * time-zone rules are the ones shipped with the Node.js runtime (ICU) rather than a second copy in a dependency.
 */

/** An instant as seen on the wall clock of one time zone. */
export interface LocalTime {
  /** ISO 8601 local date-time with the UTC offset in force, e.g. `2027-03-10T19:00:00+12:00`. */
  dateTime: string;
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday of the local date: Monday = 1 … Sunday = 7. */
  weekday: number;
  /** Whole minutes since local midnight (0–1439); seconds are dropped. */
  minutesOfDay: number;
  /** UTC offset in force at that instant, `±HH:MM`. */
  offset: string;
}

const MS_PER_MINUTE = 60_000;

// Building a DateTimeFormat is far more expensive than using one; slot searches call toLocal thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false: the latter prints midnight as "24" on some ICU versions.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `name` is a time zone the runtime knows (an IANA name such as `Asia/Ulaanbaatar`, or `UTC`).
 */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock date, time, weekday and UTC offset of `instant` in `timeZone`.
 *
 * The offset is derived from the formatted wall clock itself, so it is right on both sides of a DST change and
 * for zones east of the date line (e.g. `Pacific/Apia`, UTC+13).
 *
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function toLocal(instant: Date, timeZone: string): LocalTime {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError('toLocal: invalid date');
  if (!isValidTimeZone(timeZone)) throw new RangeError(`toLocal: unknown time zone "${timeZone}"`);

  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = parts;

  // The wall clock read as if it were UTC, minus the real instant (to the whole second the formatter shows),
  // is exactly the offset in force.
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((wallClockAsUtc - Math.floor(epochMs / 1000) * 1000) / MS_PER_MINUTE);

  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const utcWeekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    dateTime: `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offsetMinutes)}`,
    date,
    weekday: utcWeekday === 0 ? 7 : utcWeekday,
    minutesOfDay: hour * 60 + minute,
    offset: formatOffset(offsetMinutes),
  };
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

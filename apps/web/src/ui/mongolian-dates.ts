/**
 * Mongolian dates and times composed from CLDR's Mongolian patterns, for browsers whose ICU has no Mongolian data
 * (Chromium's has none: `Intl.DateTimeFormat('mn')` writes English with a 12-hour clock). The numbers come from
 * `Intl` in the wanted zone; only the words and their order are ours:
 * medium date `y 'оны' M'-р сарын' d` (2026 оны 12-р сарын 5), short time `HH:mm`, date and time joined by a space,
 * weekday and day `dd. E` (05. Бя), a time elsewhere `E HH:mm (GMT+8)`.
 */

/** CLDR's abbreviated Mongolian weekdays, Sunday first (as `Date.getUTCDay` counts). */
const WEEKDAYS = ['Ня', 'Да', 'Мя', 'Лх', 'Пү', 'Ба', 'Бя'];

const parts = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone, from a locale-neutral formatter. */
function fields(instant: Date, timeZone: string) {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    parts.set(timeZone, format);
  }
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(instant).find((part) => part.type === type)?.value ?? '';
  const [year, month, day] = [Number(value('year')), Number(value('month')), Number(value('day'))];
  const offset = value('timeZoneName');
  return {
    year,
    month,
    day,
    time: `${value('hour')}:${value('minute')}`,
    weekday: WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()],
    zone: timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : offset,
  };
}

export function mongolianDates(timeZone: string) {
  const date = (iso: string) => {
    const f = fields(new Date(iso), timeZone);
    return `${f.year} оны ${f.month}-р сарын ${f.day}`;
  };
  const time = (iso: string) => fields(new Date(iso), timeZone).time;
  return {
    date,
    time,
    dateTime: (iso: string) => `${date(iso)} ${time(iso)}`,
    weekday: (iso: string) => {
      const f = fields(new Date(iso), timeZone);
      return `${String(f.day).padStart(2, '0')}. ${f.weekday}`;
    },
    inZone: (iso: string) => {
      const f = fields(new Date(iso), timeZone);
      return `${f.weekday} ${f.time} (${f.zone})`;
    },
  };
}

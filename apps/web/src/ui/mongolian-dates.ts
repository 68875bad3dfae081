/**
 * Mongolian dates and times composed from CLDR's Mongolian patterns, for browsers whose ICU has no Mongolian data
 * (Chromium's has none: `Intl.DateTimeFormat('mn')` writes English with a 12-hour clock). The numbers come from
 * `Intl` in the wanted zone; only the words and their order are ours:
 * medium date `y 'оны' M'-р сарын' d` (2026 оны 12-р сарын 5), short time `HH:mm`, date and time joined by a space,
 * weekday and day `dd. E` (05. Бя), a time elsewhere `E HH:mm (GMT+8)`; for the calendar, a month
 * `y 'оны' LLLL` (2026 оны арван хоёрдугаар сар) and a full day `y 'оны' MMMM'ын' d, EEEE 'гараг'`.
 */

/** CLDR's abbreviated Mongolian weekdays, Sunday first (as `Date.getUTCDay` counts). */
const WEEKDAYS = ['Ня', 'Да', 'Мя', 'Лх', 'Пү', 'Ба', 'Бя'];

/** CLDR's full Mongolian weekdays (stand-alone), Sunday first. */
const WEEKDAYS_LONG = ['Ням', 'Даваа', 'Мягмар', 'Лхагва', 'Пүрэв', 'Баасан', 'Бямба'];

/** CLDR's Mongolian month names (format context, lower case), January first. */
const MONTHS = [
  'нэгдүгээр',
  'хоёрдугаар',
  'гуравдугаар',
  'дөрөвдүгээр',
  'тавдугаар',
  'зургаадугаар',
  'долоодугаар',
  'наймдугаар',
  'есдүгээр',
  'аравдугаар',
  'арван нэгдүгээр',
  'арван хоёрдугаар',
];

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
    weekdayIndex: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
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
    /** "2026 оны арван хоёрдугаар сар" (month is 1–12). */
    monthTitle: (year: number, month: number) => `${year} оны ${MONTHS[month - 1]} сар`,
    weekdayShort: (iso: string) => fields(new Date(iso), timeZone).weekday,
    weekdayLong: (iso: string) => WEEKDAYS_LONG[fields(new Date(iso), timeZone).weekdayIndex],
    /** "2026 оны арван хоёрдугаар сарын 6, ням гараг". */
    dayLong: (iso: string) => {
      const f = fields(new Date(iso), timeZone);
      return `${f.year} оны ${MONTHS[f.month - 1]} сарын ${f.day}, ${WEEKDAYS_LONG[f.weekdayIndex].toLowerCase()} гараг`;
    },
    /** "12-р сарын 6. Ня 09:00 – 10:30 (GMT+8)"; over two days each end is written in full. */
    range: (startIso: string, endIso: string) => {
      const start = fields(new Date(startIso), timeZone);
      const end = fields(new Date(endIso), timeZone);
      const day = (f: typeof start) => `${f.month}-р сарын ${f.day}. ${f.weekday}`;
      const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
      return sameDay
        ? `${day(start)} ${start.time} – ${end.time} (${end.zone})`
        : `${day(start)} ${start.time} (${start.zone}) – ${day(end)} ${end.time} (${end.zone})`;
    },
  };
}

import { describe, expect, it } from '@jest/globals';
import { mongolianDates } from './mongolian-dates';

/** Node carries full ICU with CLDR's Mongolian data: the composed texts must read exactly as it writes them. */
const cldr = (timeZone: string, options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('mn', { ...options, timeZone });
  return (iso: string) => format.format(new Date(iso));
};

const ZONES = [
  'UTC',
  'Asia/Ulaanbaatar',
  'Asia/Hovd',
  'Asia/Pyongyang',
  'Europe/Moscow',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/London',
];
const INSTANTS = ['2026-12-05T10:30:00Z', '2027-02-17T23:59:00Z', '2027-07-01T00:05:00Z', '2028-02-29T16:00:00Z'];

describe('Mongolian dates without Mongolian locale data', () => {
  it.each(ZONES)('writes dates, times and weekdays as CLDR does in %s', (zone) => {
    const own = mongolianDates(zone);
    for (const iso of INSTANTS) {
      expect(own.date(iso)).toBe(cldr(zone, { dateStyle: 'medium' })(iso));
      expect(own.time(iso)).toBe(cldr(zone, { timeStyle: 'short' })(iso));
      expect(own.dateTime(iso)).toBe(cldr(zone, { dateStyle: 'medium', timeStyle: 'short' })(iso));
      expect(own.weekday(iso)).toBe(cldr(zone, { weekday: 'short', day: 'numeric' })(iso));
      expect(own.inZone(iso)).toBe(
        cldr(zone, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })(iso),
      );
    }
  });

  it.each(ZONES)('writes calendar months, weekdays, full days and time ranges as CLDR does in %s', (zone) => {
    const own = mongolianDates(zone);
    for (let month = 1; month <= 12; month += 1) {
      expect(own.monthTitle(2027, month)).toBe(
        cldr('UTC', { month: 'long', year: 'numeric' })(new Date(Date.UTC(2027, month - 1, 15)).toISOString()),
      );
    }
    for (const iso of INSTANTS) {
      expect(own.weekdayShort(iso)).toBe(cldr(zone, { weekday: 'short' })(iso));
      expect(own.weekdayLong(iso)).toBe(cldr(zone, { weekday: 'long' })(iso));
      expect(own.dayLong(iso)).toBe(cldr(zone, { dateStyle: 'full' })(iso));
      const range = new Intl.DateTimeFormat('mn', {
        timeZone: zone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      });
      for (const minutes of [90, 26 * 60]) {
        const end = new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
        expect(own.range(iso, end)).toBe(range.formatRange(new Date(iso), new Date(end)));
      }
    }
  });

  it('uses a 24-hour clock and Mongolian words, never English', () => {
    const own = mongolianDates('Asia/Ulaanbaatar');
    expect(own.dateTime('2026-12-05T10:30:00Z')).toBe('2026 оны 12-р сарын 5 18:30');
    expect(own.dateTime('2026-12-05T10:30:00Z')).not.toMatch(/AM|PM|Dec/);
  });
});

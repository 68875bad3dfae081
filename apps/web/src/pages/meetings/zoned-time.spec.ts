import { describe, expect, it } from '@jest/globals';
import { addDays, dateKey, slotFlags, timeKey, zonedParts, zonedToInstant } from './zoned-time';

describe('zoned time', () => {
  it('reads a wall-clock time in a zone as an instant', () => {
    expect(zonedToInstant('2027-03-10', '10:00', 'Asia/Seoul')?.toISOString()).toBe('2027-03-10T01:00:00.000Z');
    expect(zonedToInstant('2027-03-10', '10:00', 'Europe/Moscow')?.toISOString()).toBe('2027-03-10T07:00:00.000Z');
    expect(zonedToInstant('2027-03-10', '10:00', 'Asia/Kathmandu')?.toISOString()).toBe('2027-03-10T04:15:00.000Z');
    expect(zonedToInstant('2027-01-01', '00:30', 'Asia/Ulaanbaatar')?.toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(zonedToInstant('2027-03-10', '', 'Asia/Seoul')).toBeUndefined();
  });

  it('settles offsets across daylight-saving changes', () => {
    // New York: EST until 2027-03-14 02:00, EDT after; back to EST on 2027-11-07.
    expect(zonedToInstant('2027-03-13', '09:00', 'America/New_York')?.toISOString()).toBe('2027-03-13T14:00:00.000Z');
    expect(zonedToInstant('2027-03-14', '09:00', 'America/New_York')?.toISOString()).toBe('2027-03-14T13:00:00.000Z');
    expect(zonedToInstant('2027-11-07', '09:00', 'America/New_York')?.toISOString()).toBe('2027-11-07T14:00:00.000Z');
    // 02:30 does not exist on the spring-forward night: it moves forward by the gap (03:30 EDT).
    expect(zonedToInstant('2027-03-14', '02:30', 'America/New_York')?.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    // 01:30 happens twice on the fall-back night: the first one.
    expect(zonedToInstant('2027-11-07', '01:30', 'America/New_York')?.toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('reads an instant back as a date and time in a zone', () => {
    const instant = '2027-03-10T16:30:00Z';
    expect(dateKey(instant, 'Asia/Tokyo')).toBe('2027-03-11');
    expect(timeKey(instant, 'Asia/Tokyo')).toBe('01:30');
    expect(dateKey(instant, 'Europe/Moscow')).toBe('2027-03-10');
    expect(zonedParts('2027-03-13T00:00:00Z', 'UTC')).toMatchObject({ hour: 0, weekday: 6 });
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('flags off-hours and weekends by the server’s rule', () => {
    const slot = (start: string, end: string) => [new Date(start), new Date(end)] as const;
    // Wednesday 17:00–19:00 in Seoul: the end is exclusive, so still working hours.
    expect(slotFlags(...slot('2027-03-10T08:00:00Z', '2027-03-10T10:00:00Z'), 'Asia/Seoul')).toEqual({
      offHours: false,
      weekend: false,
    });
    // The same slot is 11:00–13:00 in Moscow; 02:00–04:00 there is not.
    expect(slotFlags(...slot('2027-03-10T08:00:00Z', '2027-03-10T10:00:00Z'), 'Europe/Moscow')).toEqual({
      offHours: false,
      weekend: false,
    });
    expect(slotFlags(...slot('2027-03-09T23:00:00Z', '2027-03-10T01:00:00Z'), 'Europe/Moscow')).toEqual({
      offHours: true,
      weekend: false,
    });
    // 07:30 start, and a slot running past midnight, are off-hours; Saturday is a weekend.
    expect(slotFlags(...slot('2027-03-09T22:30:00Z', '2027-03-10T00:00:00Z'), 'Asia/Seoul').offHours).toBe(true);
    expect(slotFlags(...slot('2027-03-10T14:00:00Z', '2027-03-10T16:00:00Z'), 'Asia/Seoul').offHours).toBe(true);
    expect(slotFlags(...slot('2027-03-13T01:00:00Z', '2027-03-13T03:00:00Z'), 'Asia/Seoul')).toEqual({
      offHours: false,
      weekend: true,
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { HolidayCalendar } from './holiday-calendar.js';
import kpHolidays from './holidays/kp.json' with { type: 'json' };
import mnHolidays from './holidays/mn.json' with { type: 'json' };
import { isValidTimeZone, toLocal } from './local-time.js';
import { analyseSlot, MAX_CANDIDATE_SLOTS, suggestSlots, type SlotParticipant } from './slot-analysis.js';

const calendar = new HolidayCalendar();
const utc = (iso: string): Date => new Date(iso);

const moscow: SlotParticipant = { timeZone: 'Europe/Moscow', country: 'RU' };
const tokyo: SlotParticipant = { timeZone: 'Asia/Tokyo', country: 'JP' };
const ulaanbaatar: SlotParticipant = { timeZone: 'Asia/Ulaanbaatar', country: 'MN' };
const pyongyang: SlotParticipant = { timeZone: 'Asia/Pyongyang', country: 'KP' };
const newYork: SlotParticipant = { timeZone: 'America/New_York', country: null };

describe('HolidayCalendar', () => {
  it.each([
    ['CN', '2027-10-01', 'National Day'],
    ['JP', '2027-05-03', 'Constitution Day'],
    ['KR', '2027-08-15', 'Liberation Day'],
    ['RU', '2027-06-12', 'Russia Day'],
    ['MN', '2027-07-11', 'Naadam (National Festival), day 1'],
    ['KP', '2027-09-09', 'Foundation Day of the DPRK'],
  ])('finds the public holiday of %s on %s', (country, date, name) => {
    expect(calendar.holidayOn(country, date)).toEqual({ name });
  });

  it.each(['CN', 'JP', 'KR', 'RU', 'MN', 'KP'])('finds no holiday in %s on an ordinary Wednesday', (country) => {
    expect(calendar.holidayOn(country, '2027-03-10')).toBeNull();
  });

  it('covers every day of a multi-day holiday from date-holidays', () => {
    // Chuseok 2027 is one rule spanning 14–16 September.
    expect(calendar.holidayOn('KR', '2027-09-16')).toEqual({ name: 'Korean Thanksgiving' });
    expect(calendar.holidayOn('KR', '2027-09-17')).toBeNull();
  });

  it('ignores holidays that are not public (observances, bank holidays)', () => {
    // Shichi-Go-San (15 Nov) is an observance and 31 Dec a bank holiday in date-holidays' JP data.
    expect(calendar.holidayOn('JP', '2027-11-15')).toBeNull();
    expect(calendar.holidayOn('JP', '2027-12-31')).toBeNull();
  });

  it('accepts lower-case country codes and has no data for other countries', () => {
    expect(calendar.holidayOn('cn', '2027-10-01')).toEqual({ name: 'National Day' });
    expect(calendar.holidayOn('US', '2027-07-04')).toBeNull();
  });

  it('uses the Mongolian lunar calendar, not the Chinese one, for Tsagaan Sar', () => {
    expect(calendar.holidayOn('MN', '2027-02-09')).toEqual({ name: 'Tsagaan Sar (Lunar New Year), day 3' });
    expect(calendar.holidayOn('MN', '2028-02-26')).toEqual({ name: 'Tsagaan Sar (Lunar New Year), day 1' });
    expect(calendar.holidayOn('MN', '2028-01-27')).toBeNull();
  });

  it('joins the names of two holidays on one date', () => {
    expect(calendar.holidayOn('KP', '2026-02-17')).toEqual({
      name: 'Day of the Shining Star, second day / Lunar New Year',
    });
  });

  it('reports the years the MN and KP lists cover and knows nothing outside them', () => {
    expect(calendar.yearsCovered('MN')).toEqual([2026, 2027, 2028]);
    expect(calendar.yearsCovered('kp')).toEqual([2026, 2027, 2028]);
    expect(calendar.yearsCovered('JP')).toBeNull();
    expect(calendar.yearsCovered('US')).toEqual([]);
    expect(calendar.holidayOn('MN', '2029-07-11')).toBeNull();
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.holidayOn('JP', '2027-02-30')).toThrow(RangeError);
    expect(() => calendar.holidayOn('JP', '10.03.2027')).toThrow(RangeError);
  });

  it.each([
    ['MN', mnHolidays],
    ['KP', kpHolidays],
  ])('keeps the %s data file well-formed', (_country, file) => {
    expect(file.source.length).toBeGreaterThan(100);
    expect(file.note).toMatch(/lunar/i);
    expect(file.reviewed).toBe('2026-11');
    const dates = file.holidays.map((holiday) => holiday.date);
    expect([...dates].sort()).toEqual(dates);
    for (const holiday of file.holidays) {
      expect(new Date(`${holiday.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(holiday.date);
      expect(holiday.name).toMatch(/^[\x20-\x7e]+$/);
      expect(holiday.localName).toMatch(/[\u0400-\u04ff\uac00-\ud7a3]/);
    }
  });
});

describe('toLocal', () => {
  it.each([
    ['Europe/Moscow', '2027-03-10T10:00:00+03:00', 600, '+03:00'],
    ['Asia/Tokyo', '2027-03-10T16:00:00+09:00', 960, '+09:00'],
    ['Asia/Ulaanbaatar', '2027-03-10T15:00:00+08:00', 900, '+08:00'],
    ['Asia/Kamchatka', '2027-03-10T19:00:00+12:00', 1140, '+12:00'],
    ['Pacific/Apia', '2027-03-10T20:00:00+13:00', 1200, '+13:00'],
  ])('shows 2027-03-10T07:00:00Z in %s as %s', (timeZone, dateTime, minutesOfDay, offset) => {
    expect(toLocal(utc('2027-03-10T07:00:00Z'), timeZone)).toEqual({
      dateTime,
      date: '2027-03-10',
      weekday: 3,
      minutesOfDay,
      offset,
    });
  });

  it('moves to the next local date east of UTC when the UTC date has not changed', () => {
    const kamchatka = toLocal(utc('2027-03-10T13:00:00Z'), 'Asia/Kamchatka');
    expect(kamchatka.dateTime).toBe('2027-03-11T01:00:00+12:00');
    expect(kamchatka.date).toBe('2027-03-11');
    expect(kamchatka.weekday).toBe(4);
    expect(toLocal(utc('2027-03-10T13:00:00Z'), 'Pacific/Apia').dateTime).toBe('2027-03-11T02:00:00+13:00');
  });

  it('stays on the previous local date west of UTC', () => {
    const local = toLocal(utc('2027-03-10T03:00:00Z'), 'America/New_York');
    expect(local.dateTime).toBe('2027-03-09T22:00:00-05:00');
    expect(local.weekday).toBe(2);
  });

  it('follows the America/New_York DST change on 2027-03-14', () => {
    expect(toLocal(utc('2027-03-14T06:30:00Z'), 'America/New_York')).toMatchObject({
      dateTime: '2027-03-14T01:30:00-05:00',
      weekday: 7,
      offset: '-05:00',
    });
    // 02:00 EST becomes 03:00 EDT: one UTC hour later the wall clock has moved two hours.
    expect(toLocal(utc('2027-03-14T07:30:00Z'), 'America/New_York')).toMatchObject({
      dateTime: '2027-03-14T03:30:00-04:00',
      minutesOfDay: 210,
      offset: '-04:00',
    });
  });

  it('prints midnight as 00:00 and drops seconds from minutesOfDay', () => {
    expect(toLocal(utc('2027-03-10T15:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      dateTime: '2027-03-11T00:00:00+09:00',
      minutesOfDay: 0,
    });
    expect(toLocal(utc('2027-03-10T07:00:59.900Z'), 'UTC')).toMatchObject({
      dateTime: '2027-03-10T07:00:59+00:00',
      minutesOfDay: 420,
      offset: '+00:00',
    });
  });

  it('rejects unknown time zones and invalid dates', () => {
    expect(() => toLocal(utc('2027-03-10T07:00:00Z'), 'Asia/Atlantis')).toThrow(RangeError);
    expect(() => toLocal(new Date('not a date'), 'Asia/Tokyo')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC and rejects anything else', () => {
    expect(isValidTimeZone('Asia/Ulaanbaatar')).toBe(true);
    expect(isValidTimeZone('Asia/Pyongyang')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('analyseSlot', () => {
  const slot = (startsAt: string, endsAt: string) => ({ startsAt: utc(startsAt), endsAt: utc(endsAt) });

  it('shows a slot inside working hours as unproblematic, with local times', () => {
    expect(analyseSlot(slot('2027-03-10T05:00:00Z', '2027-03-10T06:00:00Z'), moscow, calendar)).toEqual({
      startsAt: '2027-03-10T08:00:00+03:00',
      endsAt: '2027-03-10T09:00:00+03:00',
      timeZone: 'Europe/Moscow',
      offHours: false,
      weekend: false,
      holiday: null,
    });
  });

  it('treats 08:00 and 19:00 as inside the working day and a minute beyond as outside', () => {
    expect(analyseSlot(slot('2027-03-10T15:00:00Z', '2027-03-10T16:00:00Z'), moscow, calendar).offHours).toBe(false);
    expect(analyseSlot(slot('2027-03-10T15:01:00Z', '2027-03-10T16:01:00Z'), moscow, calendar).offHours).toBe(true);
    expect(analyseSlot(slot('2027-03-10T04:59:00Z', '2027-03-10T06:00:00Z'), moscow, calendar).offHours).toBe(true);
  });

  it('flags a slot that runs past local midnight as off-hours', () => {
    // 23:30–00:30 in Tokyo: starts and ends outside the working day, on two dates.
    const analysis = analyseSlot(slot('2027-03-10T14:30:00Z', '2027-03-10T15:30:00Z'), tokyo, calendar);
    expect(analysis.offHours).toBe(true);
    expect(analysis.endsAt).toBe('2027-03-11T00:30:00+09:00');
  });

  it('flags a local weekend even when it is still Friday in UTC', () => {
    // Friday 2027-03-12 23:00 UTC is Saturday 08:00 in Tokyo.
    const analysis = analyseSlot(slot('2027-03-12T23:00:00Z', '2027-03-13T00:00:00Z'), tokyo, calendar);
    expect(analysis).toMatchObject({ weekend: true, offHours: false, holiday: null });
    // The same slot is Friday 18:00 in New York.
    expect(analyseSlot(slot('2027-03-12T23:00:00Z', '2027-03-13T00:00:00Z'), newYork, calendar).weekend).toBe(false);
  });

  it('flags a slot that starts on Friday and ends on Saturday as a weekend slot', () => {
    // Friday 23:30 to Saturday 00:30 in Tokyo.
    const analysis = analyseSlot(slot('2027-03-12T14:30:00Z', '2027-03-12T15:30:00Z'), tokyo, calendar);
    expect(analysis.startsAt).toBe('2027-03-12T23:30:00+09:00');
    expect(analysis.weekend).toBe(true);
  });

  it('treats the end as exclusive: a slot ending at local midnight does not touch the next date', () => {
    // Sunday 2 May 2027, 23:00 to 00:00 in Tokyo; Monday 3 May is Constitution Day.
    const analysis = analyseSlot(slot('2027-05-02T14:00:00Z', '2027-05-02T15:00:00Z'), tokyo, calendar);
    expect(analysis.endsAt).toBe('2027-05-03T00:00:00+09:00');
    expect(analysis.holiday).toBeNull();
    expect(analyseSlot(slot('2027-05-02T14:00:00Z', '2027-05-02T15:01:00Z'), tokyo, calendar).holiday).toEqual({
      name: 'Constitution Day',
    });
  });

  it("flags a holiday of the participant's country on the local date", () => {
    // 2027-09-08 23:00 UTC is 9 September 08:00 in Pyongyang: the DPRK's Foundation Day.
    const analysis = analyseSlot(slot('2027-09-08T23:00:00Z', '2027-09-09T00:00:00Z'), pyongyang, calendar);
    expect(analysis).toMatchObject({
      offHours: false,
      weekend: false,
      holiday: { name: 'Foundation Day of the DPRK' },
    });
    expect(analyseSlot(slot('2027-07-12T02:00:00Z', '2027-07-12T03:00:00Z'), ulaanbaatar, calendar).holiday).toEqual({
      name: 'Naadam (National Festival), day 2',
    });
  });

  it('checks holidays by country, not by time zone', () => {
    // Tuesday 4 May 2027 (Greenery Day) is a holiday in Japan, but not for someone in Tokyo with no country given.
    const holidaySlot = slot('2027-05-04T01:00:00Z', '2027-05-04T02:00:00Z');
    expect(analyseSlot(holidaySlot, tokyo, calendar).holiday).toEqual({ name: 'Greenery Day' });
    expect(analyseSlot(holidaySlot, { timeZone: 'Asia/Tokyo', country: null }, calendar)).toMatchObject({
      startsAt: '2027-05-04T10:00:00+09:00',
      holiday: null,
      offHours: false,
      weekend: false,
    });
  });

  it('rejects a slot that does not end after it starts', () => {
    expect(() => analyseSlot(slot('2027-03-10T05:00:00Z', '2027-03-10T05:00:00Z'), moscow, calendar)).toThrow(
      RangeError,
    );
  });
});

describe('suggestSlots', () => {
  it("prefers slots inside everyone's working hours for Moscow, Tokyo and Ulaanbaatar", () => {
    // Working days overlap from 05:00 to 10:00 UTC (08:00 Moscow, 17:00 Ulaanbaatar, 19:00 Tokyo at the end).
    const suggestions = suggestSlots({
      from: utc('2027-03-10T00:00:00Z'),
      to: utc('2027-03-11T00:00:00Z'),
      durationMinutes: 60,
      participants: [moscow, tokyo, ulaanbaatar],
      calendar,
    });
    expect(suggestions).toEqual(
      ['05:00', '05:30', '06:00', '06:30', '07:00'].map((time) => ({
        startsAt: `2027-03-10T${time}:00.000Z`,
        endsAt: new Date(Date.parse(`2027-03-10T${time}:00Z`) + 3_600_000).toISOString(),
        conflicts: 0,
        participantsOk: 3,
      })),
    );
  });

  it('ranks by fewest conflicts when no slot suits everyone, then earliest', () => {
    // New York and Tokyo working days do not overlap in March.
    const suggestions = suggestSlots({
      from: utc('2027-03-10T00:00:00Z'),
      to: utc('2027-03-11T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      participants: [moscow, tokyo, newYork],
      calendar,
      limit: 3,
    });
    expect(suggestions).toHaveLength(3);
    expect(suggestions.map((s) => s.conflicts)).toEqual([1, 1, 1]);
    expect(suggestions.map((s) => s.participantsOk)).toEqual([2, 2, 2]);
    expect(suggestions[0].startsAt).toBe('2027-03-10T05:00:00.000Z');
    expect(suggestions.map((s) => s.startsAt)).toEqual([...suggestions.map((s) => s.startsAt)].sort());
  });

  it('skips public holidays and weekends', () => {
    // Golden Week: 3–5 May 2027 (Mon–Wed) are holidays in Japan, so the first free morning is Thursday 6 May.
    const [best] = suggestSlots({
      from: utc('2027-05-01T00:00:00Z'),
      to: utc('2027-05-08T00:00:00Z'),
      durationMinutes: 60,
      participants: [tokyo],
      calendar,
      limit: 1,
    });
    expect(best).toEqual({
      startsAt: '2027-05-05T23:00:00.000Z',
      endsAt: '2027-05-06T00:00:00.000Z',
      conflicts: 0,
      participantsOk: 1,
    });
  });

  it('starts on the step grid and never searches beyond the candidate cap', () => {
    const suggestions = suggestSlots({
      from: utc('2027-03-01T00:17:00Z'),
      to: utc('2027-06-01T00:00:00Z'),
      durationMinutes: 30,
      participants: [{ timeZone: 'UTC', country: null }],
      calendar,
      limit: 1_000,
    });
    expect(suggestions[0].startsAt).toBe('2027-03-01T08:00:00.000Z');
    const starts = suggestions.map((s) => Date.parse(s.startsAt));
    expect(Math.min(...starts)).toBe(Date.parse('2027-03-01T00:30:00Z'));
    const lastAllowedStart = Date.parse('2027-03-01T00:30:00Z') + (MAX_CANDIDATE_SLOTS - 1) * 30 * 60_000;
    expect(Math.max(...starts)).toBe(lastAllowedStart);
    expect(suggestions).toHaveLength(MAX_CANDIDATE_SLOTS);
  });

  it('offers only slots that end by "to"', () => {
    const suggestions = suggestSlots({
      from: utc('2027-03-10T05:00:00Z'),
      to: utc('2027-03-10T06:30:00Z'),
      durationMinutes: 60,
      participants: [moscow],
      calendar,
    });
    expect(suggestions.map((s) => s.endsAt)).toEqual(['2027-03-10T06:00:00.000Z', '2027-03-10T06:30:00.000Z']);
  });

  it('rejects bad options', () => {
    const base = {
      from: utc('2027-03-10T00:00:00Z'),
      to: utc('2027-03-11T00:00:00Z'),
      durationMinutes: 60,
      participants: [moscow],
      calendar,
    };
    expect(() => suggestSlots({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => suggestSlots({ ...base, stepMinutes: 7.5 })).toThrow(RangeError);
    expect(() => suggestSlots({ ...base, to: base.from })).toThrow(RangeError);
    expect(() => suggestSlots({ ...base, participants: [{ timeZone: 'Asia/Atlantis', country: null }] })).toThrow(
      /Asia\/Atlantis/,
    );
  });
});

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { mongolianDates } from './mongolian-dates';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** One way of writing an instant in the reader's language. */
type InstantFormat = (iso: string) => string;

/**
 * Dates and times in the reader's language and the member's time zone (the browser's before sign-in). Country
 * names come from the `countries` catalogue (UN names for the network's six, see scripts/country-names.mjs), so
 * no code is ever shown bare. Browsers without Mongolian locale data (Chromium's ICU has none) would write
 * Mongolian dates in English with a 12-hour clock: those are composed from CLDR's Mongolian patterns instead.
 */
export function useFormat(timeZoneOverride?: string) {
  const { i18n, t: countryName } = useTranslation('countries');
  const { state } = useSession();
  const timeZone = timeZoneOverride ?? state.member?.timeZone ?? browserTimeZone();
  const language = i18n.language;
  return useMemo(() => {
    const mongolian = language === 'mn' && Intl.DateTimeFormat.supportedLocalesOf(['mn']).length === 0;
    const intl = (options: Intl.DateTimeFormatOptions): InstantFormat => {
      const format = new Intl.DateTimeFormat(language, { ...options, timeZone });
      return (iso) => format.format(new Date(iso));
    };
    const own = mongolian ? mongolianDates(timeZone) : null;
    // Calendar days are `YYYY-MM-DD` keys, read at noon UTC whatever the member's zone.
    const days = mongolian ? mongolianDates('UTC') : null;
    const utc = (options: Intl.DateTimeFormatOptions) => {
      const format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
      return (day: string) => format.format(new Date(`${day}T12:00:00Z`));
    };
    const noon = (day: string) => `${day}T12:00:00Z`;
    const dayNumber = utc({ day: 'numeric' });
    const number = new Intl.NumberFormat(language);
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    return {
      timeZone,
      language,
      dateTime: own?.dateTime ?? intl({ dateStyle: 'medium', timeStyle: 'short' }),
      date: own?.date ?? intl({ dateStyle: 'medium' }),
      time: own?.time ?? intl({ timeStyle: 'short' }),
      weekday: own?.weekday ?? intl({ weekday: 'short', day: 'numeric' }),
      number: (value: number) => number.format(value),
      /** A month of the calendar (month is 1–12) and its days, by `YYYY-MM-DD` key. */
      calendar: {
        month: (year: number, month: number) =>
          days
            ? days.monthTitle(year, month)
            : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
                Date.UTC(year, month - 1, 15),
              ),
        weekdayShort: days ? (day: string) => days.weekdayShort(noon(day)) : utc({ weekday: 'short' }),
        weekdayLong: days ? (day: string) => days.weekdayLong(noon(day)) : utc({ weekday: 'long' }),
        dayNumber: (day: string) => dayNumber(day),
        dayLong: days ? (day: string) => days.dayLong(noon(day)) : utc({ dateStyle: 'full' }),
      },
      country: (code: string) => countryName(code, { defaultValue: regions.of(code) ?? code }),
      bytes: (value: number) =>
        value < 1024
          ? `${number.format(value)} B`
          : value < 1024 ** 2
            ? `${number.format(Math.round(value / 102.4) / 10)} KB`
            : `${number.format(Math.round(value / 1024 ** 2 / 0.1) / 10)} MB`,
      /** "Wed 10 Mar, 09:00 – 11:00 GMT+9": a meeting's span in a given zone. */
      range: (startsAt: string, endsAt: string, zone: string) =>
        mongolian
          ? mongolianDates(zone).range(startsAt, endsAt)
          : new Intl.DateTimeFormat(language, {
              timeZone: zone,
              weekday: 'short',
              month: 'short',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              timeZoneName: 'short',
            }).formatRange(new Date(startsAt), new Date(endsAt)),
      /** A time in another zone, e.g. an invitee's, with the zone's short name. */
      inZone: (iso: string, zone: string) =>
        mongolian
          ? mongolianDates(zone).inZone(iso)
          : new Intl.DateTimeFormat(language, {
              weekday: 'short',
              hour: '2-digit',
              minute: '2-digit',
              timeZone: zone,
              timeZoneName: 'short',
            }).format(new Date(iso)),
    };
  }, [language, timeZone, countryName]);
}

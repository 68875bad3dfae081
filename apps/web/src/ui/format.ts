import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Dates and times in the reader's language and the member's time zone (the browser's before sign-in). */
export function useFormat(timeZoneOverride?: string) {
  const { i18n } = useTranslation();
  const { state } = useSession();
  const timeZone = timeZoneOverride ?? state.member?.timeZone ?? browserTimeZone();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', timeZone });
    const number = new Intl.NumberFormat(language);
    const regions = new Intl.DisplayNames([language], { type: 'region' });
    return {
      timeZone,
      language,
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      weekday: (iso: string) => weekday.format(new Date(iso)),
      number: (value: number) => number.format(value),
      country: (code: string) => regions.of(code) ?? code,
      bytes: (value: number) =>
        value < 1024
          ? `${number.format(value)} B`
          : value < 1024 ** 2
            ? `${number.format(Math.round(value / 102.4) / 10)} KB`
            : `${number.format(Math.round(value / 1024 ** 2 / 0.1) / 10)} MB`,
      /** A time in another zone, e.g. an invitee's, with the zone's short name. */
      inZone: (iso: string, zone: string) =>
        new Intl.DateTimeFormat(language, {
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: zone,
          timeZoneName: 'short',
        }).format(new Date(iso)),
    };
  }, [language, timeZone]);
}

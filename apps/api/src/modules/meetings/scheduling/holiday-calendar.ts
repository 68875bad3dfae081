import Holidays from 'date-holidays';
import kpHolidays from './holidays/kp.json' with { type: 'json' };
import mnHolidays from './holidays/mn.json' with { type: 'json' };

/** A public holiday on a given date, with its English name (several holidays on one date are joined by " / "). */
export interface HolidayInfo {
  name: string;
}

/** Shape of the reviewed holiday lists in `./holidays/*.json`. */
interface HolidayDataFile {
  source: string;
  note: string;
  reviewed: string;
  holidays: { date: string; name: string; localName: string }[];
}

/** Countries of the partnership whose public holidays the date-holidays package computes by rule. */
const RULE_BASED_COUNTRIES: ReadonlySet<string> = new Set(['CN', 'JP', 'KR', 'RU']);

/** Countries date-holidays has no data for: reviewed lists kept in this folder, valid only for the years they list. */
const DATA_FILES: Readonly<Record<string, HolidayDataFile>> = { MN: mnHolidays, KP: kpHolidays };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Date (`YYYY-MM-DD`) → names of the public holidays on that date. */
type HolidaysByDate = Map<string, string[]>;

/**
 * Public holidays of the partnership countries (CN, JP, KR, RU through `date-holidays`; MN and KP from the
 * reviewed lists in `./holidays`), looked up by a participant's local calendar date.
 *
 * Plain class without Nest decorators so it can be used from pure functions and tests; instances cache the
 * date-holidays objects and the per-year tables they produce, so share one instance.
 */
export class HolidayCalendar {
  private readonly ruleSets = new Map<string, Holidays>();
  private readonly ruleYears = new Map<string, HolidaysByDate>();
  private readonly dataTables = new Map<string, HolidaysByDate>();

  /**
   * The public holiday in `country` (ISO 3166-1 alpha-2, any case) on `localDate` (`YYYY-MM-DD`), or `null`.
   * `null` also for countries without holiday data and, for MN/KP, for years outside {@link yearsCovered}.
   *
   * @throws RangeError when `localDate` is not a valid `YYYY-MM-DD` date.
   */
  holidayOn(country: string, localDate: string): HolidayInfo | null {
    const year = parseLocalDate(localDate);
    const code = country.trim().toUpperCase();

    let names: string[] | undefined;
    if (RULE_BASED_COUNTRIES.has(code)) {
      // A holiday spanning several days may have started in the previous year (e.g. 31 Dec – 2 Jan).
      names = this.ruleTable(code, year).get(localDate) ?? this.ruleTable(code, year - 1).get(localDate);
    } else if (code in DATA_FILES) {
      names = this.dataTable(code).get(localDate);
    }
    return names ? { name: names.join(' / ') } : null;
  }

  /**
   * Years for which holiday data exists: the years listed in the reviewed file for MN and KP, `null` for the
   * countries date-holidays computes for any year (CN, JP, KR, RU), and an empty list for any other country.
   */
  yearsCovered(country: string): number[] | null {
    const code = country.trim().toUpperCase();
    if (RULE_BASED_COUNTRIES.has(code)) return null;
    const file = DATA_FILES[code];
    if (!file) return [];
    return [...new Set(file.holidays.map((holiday) => Number(holiday.date.slice(0, 4))))].sort((a, b) => a - b);
  }

  private ruleTable(country: string, year: number): HolidaysByDate {
    const key = `${country}:${year}`;
    let table = this.ruleYears.get(key);
    if (!table) {
      table = new Map();
      for (const holiday of this.ruleSet(country).getHolidays(year)) {
        // Bank holidays and observances (e.g. JP 31 Dec, Shichi-Go-San) are working days for the public.
        if (holiday.type !== 'public') continue;
        // `date` is the local start ("YYYY-MM-DD hh:mm:ss"); start/end give the length, e.g. 3 days for Chuseok.
        // Half-day holidays (CN: 8 Mar, 4 May, 1 Aug from noon) count as the whole date.
        const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
        const first = holiday.date.slice(0, 10);
        for (let offset = 0; offset < days; offset++) addName(table, addDays(first, offset), holiday.name);
      }
      this.ruleYears.set(key, table);
    }
    return table;
  }

  private ruleSet(country: string): Holidays {
    let holidays = this.ruleSets.get(country);
    if (!holidays) {
      holidays = new Holidays(country, { languages: ['en'] });
      this.ruleSets.set(country, holidays);
    }
    return holidays;
  }

  private dataTable(country: string): HolidaysByDate {
    let table = this.dataTables.get(country);
    if (!table) {
      table = new Map();
      for (const holiday of DATA_FILES[country].holidays) addName(table, holiday.date, holiday.name);
      this.dataTables.set(country, table);
    }
    return table;
  }
}

/** Validates a `YYYY-MM-DD` calendar date (rejecting e.g. 2027-02-30) and returns its year. */
function parseLocalDate(localDate: string): number {
  const match = LOCAL_DATE.exec(localDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) {
      return year;
    }
  }
  throw new RangeError(`holidayOn: "${localDate}" is not a YYYY-MM-DD date`);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

function addName(table: HolidaysByDate, date: string, name: string): void {
  const names = table.get(date);
  if (!names) table.set(date, [name]);
  else if (!names.includes(name)) names.push(name);
}

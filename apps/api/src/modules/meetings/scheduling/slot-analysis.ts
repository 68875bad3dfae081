import type { HolidayCalendar, HolidayInfo } from './holiday-calendar.js';
import { isValidTimeZone, toLocal } from './local-time.js';

/** A candidate meeting slot: UTC instants, end exclusive. */
export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Where a participant is: IANA time zone, and ISO 3166-1 alpha-2 country for holidays (`null` if unknown). */
export interface SlotParticipant {
  timeZone: string;
  country: string | null;
}

/** How a slot looks to one participant. */
export interface SlotAnalysis {
  /** Local start, ISO 8601 with offset. */
  startsAt: string;
  /** Local end, ISO 8601 with offset. */
  endsAt: string;
  timeZone: string;
  /** Some part of the slot lies outside 08:00–19:00 local time (including a slot that runs past midnight). */
  offHours: boolean;
  /** The slot starts or ends on a local Saturday or Sunday. */
  weekend: boolean;
  /** Public holiday of the participant's country on the local start or end date. */
  holiday: HolidayInfo | null;
}

/** Options of {@link suggestSlots}. */
export interface SuggestSlotsOptions {
  /** Earliest start considered. */
  from: Date;
  /** Latest end considered. */
  to: Date;
  durationMinutes: number;
  /** Distance between candidate starts; candidates sit on multiples of it counted from the UTC epoch. */
  stepMinutes?: number;
  participants: readonly SlotParticipant[];
  calendar: HolidayCalendar;
  /** Maximum number of suggestions returned. */
  limit?: number;
}

/** A suggested slot with how many participants it inconveniences. */
export interface SlotSuggestion {
  /** UTC, ISO 8601. */
  startsAt: string;
  /** UTC, ISO 8601. */
  endsAt: string;
  /** Participants for whom the slot is off-hours, on a weekend or on a public holiday. */
  conflicts: number;
  participantsOk: number;
}

/** Local working day used for the off-hours flag: 08:00 to 19:00. */
export const WORKING_DAY_START_MINUTES = 8 * 60;
export const WORKING_DAY_END_MINUTES = 19 * 60;

/** At most this many candidate starts are evaluated per search: 14 days at the default 30-minute step. */
export const MAX_CANDIDATE_SLOTS = 14 * 48;

const MS_PER_MINUTE = 60_000;

/**
 * How `slot` looks to `participant`: local start and end, and whether it is off-hours, on a weekend or on a
 * public holiday of the participant's country.
 *
 * @throws RangeError when the slot does not end after it starts or the time zone is unknown.
 */
export function analyseSlot(slot: Slot, participant: SlotParticipant, calendar: HolidayCalendar): SlotAnalysis {
  const startMs = slot.startsAt.getTime();
  const endMs = slot.endsAt.getTime();
  if (!(endMs > startMs)) throw new RangeError('analyseSlot: endsAt must be after startsAt');

  const start = toLocal(slot.startsAt, participant.timeZone);
  const end = toLocal(slot.endsAt, participant.timeZone);
  // The end is exclusive: a slot ending at 19:00 stays within the working day, and one ending at 00:00 does
  // not touch the next date. Judge the end by the last millisecond inside the slot.
  const last = toLocal(new Date(endMs - 1), participant.timeZone);

  const offHours =
    start.minutesOfDay < WORKING_DAY_START_MINUTES ||
    last.date !== start.date ||
    last.minutesOfDay >= WORKING_DAY_END_MINUTES;
  const weekend = start.weekday >= 6 || last.weekday >= 6;

  let holiday: HolidayInfo | null = null;
  if (participant.country) {
    holiday = calendar.holidayOn(participant.country, start.date);
    if (!holiday && last.date !== start.date) holiday = calendar.holidayOn(participant.country, last.date);
  }

  return {
    startsAt: start.dateTime,
    endsAt: end.dateTime,
    timeZone: participant.timeZone,
    offHours,
    weekend,
    holiday,
  };
}

/**
 * The best slots of `durationMinutes` between `from` and `to`: fewest participants with a problem (off-hours,
 * weekend or holiday) first, then earliest. Evaluates at most {@link MAX_CANDIDATE_SLOTS} candidates.
 *
 * @throws RangeError on a non-positive duration, step or limit, an empty range or an unknown time zone.
 */
export function suggestSlots(options: SuggestSlotsOptions): SlotSuggestion[] {
  const { from, to, durationMinutes, participants, calendar } = options;
  const stepMinutes = options.stepMinutes ?? 30;
  const limit = options.limit ?? 5;

  requirePositiveInteger('durationMinutes', durationMinutes);
  requirePositiveInteger('stepMinutes', stepMinutes);
  requirePositiveInteger('limit', limit);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) {
    throw new RangeError('suggestSlots: "to" must be a date after "from"');
  }
  // Fail on the first bad zone with its name rather than deep inside the search.
  for (const participant of participants) {
    if (!isValidTimeZone(participant.timeZone)) {
      throw new RangeError(`suggestSlots: unknown time zone "${participant.timeZone}"`);
    }
  }

  const stepMs = stepMinutes * MS_PER_MINUTE;
  const durationMs = durationMinutes * MS_PER_MINUTE;
  // Round the first start up to the step grid so offers read 10:00, 10:30 rather than 10:17, 10:47.
  const firstStartMs = Math.ceil(fromMs / stepMs) * stepMs;

  const candidates: SlotSuggestion[] = [];
  for (
    let startMs = firstStartMs, evaluated = 0;
    startMs + durationMs <= toMs && evaluated < MAX_CANDIDATE_SLOTS;
    startMs += stepMs, evaluated++
  ) {
    const slot = { startsAt: new Date(startMs), endsAt: new Date(startMs + durationMs) };
    const conflicts = participants.filter((participant) => {
      const analysis = analyseSlot(slot, participant, calendar);
      return analysis.offHours || analysis.weekend || analysis.holiday !== null;
    }).length;
    candidates.push({
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      conflicts,
      participantsOk: participants.length - conflicts,
    });
  }

  // Candidates are generated in time order and Array.prototype.sort is stable, so ties stay earliest-first.
  return candidates.sort((a, b) => a.conflicts - b.conflicts).slice(0, limit);
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`suggestSlots: ${name} must be a positive integer, got ${value}`);
  }
}

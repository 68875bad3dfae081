import { MeetingErrorCode, MeetingException } from './meetings.exception.js';

const MAX_DURATION_MS = 7 * 24 * 3600 * 1000;

/** Parses a start and end: the end after the start, at most 7 days later. `field` names the error details. */
export function checkTimes(
  startsAtText: string,
  endsAtText: string,
  field = 'endsAt',
): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(startsAtText);
  const endsAt = new Date(endsAtText);
  if (endsAt <= startsAt) {
    throw new MeetingException(MeetingErrorCode.INVALID_MEETING_TIME, 'The meeting must end after it starts', [
      { field, message: 'endsAt must be later than startsAt' },
    ]);
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw new MeetingException(MeetingErrorCode.INVALID_MEETING_TIME, 'A meeting lasts at most 7 days', [
      { field, message: 'a meeting lasts at most 7 days' },
    ]);
  }
  return { startsAt, endsAt };
}

import { escape } from 'ical-generator';

/**
 * What we hand to iCalendar writers (RFC 5545). ical-generator escapes event TEXT properties itself (`\`, `;`, `,`,
 * line breaks → `\n`) and folds lines at 75 octets, but writes calendar-level properties (NAME, X-WR-CALNAME)
 * raw and puts CN parameters in quotes with backslash escapes, which RFC 5545 does not have. These helpers close
 * those gaps; the meetings' text is otherwise kept as typed.
 */

/** Control characters TEXT may not carry (RFC 5545 TSAFE-CHAR): C0 but tab and line breaks, DEL, C1. */
const TEXT_UNSAFE = /(?![\t\n\r])\p{Cc}/gu;
/** Any control character, line breaks included: a parameter value is one line. */
const CONTROL = /\p{Cc}+/gu;

/** A TEXT value for ical-generator to escape: control characters other than tab and line breaks removed. */
export function icalText(value: string): string {
  return value.replace(TEXT_UNSAFE, '');
}

/** A TEXT value written where ical-generator does not escape (calendar NAME, X-WR-CALNAME): fully escaped here. */
export function icalRawText(value: string): string {
  return escape(icalText(value), false);
}

/**
 * A parameter value (CN of ATTENDEE and ORGANIZER) that every reader takes the same way. RFC 5545 forbids
 * DQUOTE and control characters inside a quoted parameter and has no escape for them, and readers disagree on
 * the rest: ical.js reads `\` as an escape and `^n`/`^'` as RFC 6868 escapes, node-ical splits parameters on
 * every `;`. So: control characters → one space, `"` → `'`, `\` → `/`, `;` → `,`, `^` → `ˆ` (U+02C6). What
 * remains passes ical-generator's quoting untouched.
 */
export function icalParamText(value: string): string {
  return value
    .replace(CONTROL, ' ')
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/;/g, ',')
    .replace(/\^/g, '\u02c6')
    .trim();
}

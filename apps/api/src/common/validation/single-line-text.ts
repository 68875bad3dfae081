import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Characters a name shown to other people may not carry: control characters (C0, DEL, C1, line and paragraph
 * separators), because a name is one line wherever it is written (calendars, CSV, e-mail headers, logs); and
 * invisible formatting that makes a name look like something else, chiefly the bidirectional overrides, isolates
 * and marks that reorder what follows ("Trojan Source"), zero-width spaces and joiners of words, the BOM, and the
 * Hangul fillers used for blank-looking names. ZWJ/ZWNJ (emoji sequences, Persian and Indic scripts), variation
 * selectors and the Mongolian vowel separator are kept: real names need them.
 */
const UNSAFE =
  /[\p{Cc}\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb\uffa0]/u;

/** The first character of `value` that a single-line name may not contain, as `U+202E`; null when it is clean. */
export function unsafeNameCharacter(value: string): string | null {
  const found = UNSAFE.exec(value)?.[0];
  return found === undefined ? null : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A single-line name (display name, group, room or document title): no control characters, no bidirectional
 * overrides or other invisible formatting. Refusal is a 400 `VALIDATION_FAILED` with the field and the code point.
 */
export function IsSingleLineName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLineName',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unsafeNameCharacter(value) === null,
        defaultMessage: (args) => {
          const values = Array.isArray(args?.value) ? (args.value as unknown[]) : [args?.value];
          const found = values.map((v) => (typeof v === 'string' ? unsafeNameCharacter(v) : null)).find(Boolean);
          return `${args?.property ?? 'value'} must be one line without control characters or invisible formatting (found ${found ?? 'one'})`;
        },
      },
    },
    options,
  );
}

import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Code points an emoji is made of: pictographs, flags' letters, skin tones, keycaps, joiners, selectors, tags. */
const EMOJI_PARTS =
  /^(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}#*0-9\u{e0020}-\u{e007f}]|\u200d|\u20e3|\ufe0f)+$/u;
/** At least one part that is a picture on its own (a digit or a joiner alone is not an emoji). */
const PICTURE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * One emoji, including sequences (skin tones, families, flags, keycaps). `Extended_Pictographic` also covers code
 * points set aside for emoji not yet encoded, so a newer emoji than this runtime's Unicode data still passes.
 */
export function isSingleEmoji(value: string): boolean {
  if (!EMOJI_PARTS.test(value) || !PICTURE.test(value)) return false;
  let count = 0;
  for (const _ of graphemes.segment(value)) if (++count > 1) return false;
  return count === 1;
}

/**
 * One spelling per emoji: the variation selector after a character that is already drawn as an emoji is dropped
 * (`👍️` and `👍` are one reaction); where it matters (`❤️`, keycaps, `🏳️‍🌈`) it stays.
 */
export function normalizeEmoji(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/(\p{Emoji_Presentation})\ufe0f/gu, '$1') : value;
}

/** A single emoji (see `isSingleEmoji`); refusal is a 400 `VALIDATION_FAILED` naming the field. */
export function IsSingleEmoji(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleEmoji',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isSingleEmoji(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a single emoji`,
      },
    },
    options,
  );
}

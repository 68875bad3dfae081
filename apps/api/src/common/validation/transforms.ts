/** class-transformer helpers shared by the DTOs: `@Transform(trimString)`, `@Transform(queryBoolean)`. */

export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Query strings carry booleans as text: `true`/`1` and `false`/`0`; anything else is left for the validator. */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** An ISO 8601 instant must say its offset (`Z` or `+09:00`): a bare local time is ambiguous across six zones. */
export const INSTANT_WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

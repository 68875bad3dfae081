import { IsInt, Max, Min } from 'class-validator';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';

/**
 * The largest seq (a bigint column) a request may name: JSON numbers are doubles, exact only up to 2^53 - 1, and
 * `@IsInt` alone lets 1e300 through (it is an integer), which PostgreSQL then refuses with a 500.
 */
export const SEQ_MAX = Number.MAX_SAFE_INTEGER;
/** The largest value of an int4 column (version numbers, counts). */
export const INT4_MAX = 2147483647;

/** Years the information platform accepts (inventories, targets, series, schemes). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** A whole year from 1900 to 2100. */
export function YearField(): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(YEAR_MIN)(target, key);
    Max(YEAR_MAX)(target, key);
  };
}

export const COUNTRY_MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as MN, CN, JP, KR, RU or KP';

/**
 * PATCH bodies: `@IsOptional()` lets `null` through, which is right for nullable fields and wrong for the others.
 * Call with the fields that may be left out but never be null.
 */
export function rejectNulls(dto: object, fields: readonly string[]): void {
  const nulls = fields.filter((field) => (dto as Record<string, unknown>)[field] === null);
  if (nulls.length) {
    throw new CommonException(
      CommonErrorCode.VALIDATION_FAILED,
      undefined,
      nulls.map((field) => ({ field, message: `${field} may be left out but not null` })),
    );
  }
}

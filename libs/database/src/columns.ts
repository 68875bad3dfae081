import { QueryFailedError, type ValueTransformer } from 'typeorm';

/** `bigint` columns (seqs, sizes) read as JS numbers; every value the portal stores stays below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? value : Number(value)),
};

/** A PostgreSQL unique violation (SQLSTATE 23505), e.g. a taken e-mail or slug. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * `numeric` columns read as JS numbers (pg returns them as strings to keep every digit). The information platform's
 * statistics (tonnes, persons, percentages) fit a double; the column keeps the exact decimal that was written.
 */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

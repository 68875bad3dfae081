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

import type { SeedSizes } from './seed.js';

/** What every scenario gets from the harness. */
export interface Context {
  quick: boolean;
  adminUrl: string;
  /** A copy of the seeded template for this scenario alone (dropped after it). */
  databaseUrl: string;
  sizes: SeedSizes;
  log: (line: string) => void;
  /** Scale a duration in seconds down for `--quick`. */
  seconds: (full: number, quick: number) => number;
}

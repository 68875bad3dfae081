import type { DataSource, Migration } from 'typeorm';

/** Key of the PostgreSQL advisory lock that serialises migrations across instances ("LCCM" in hex). */
export const MIGRATION_LOCK_KEY = 0x4c43434d;

/**
 * Runs pending migrations under a session-level advisory lock: when several instances start together,
 * one migrates while the others wait, then find nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

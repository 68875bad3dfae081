import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@lcc/database';
import pg from 'pg';
import type { Env } from '../config/env.validation.js';

export interface DatabaseTarget {
  url: string;
  /** Set when the portal runs its own embedded server; stop it on shutdown. */
  embedded: EmbeddedPostgresHandle | null;
}

const EMBEDDED_DATABASE = 'lcc';

/**
 * Resolves where the data lives: `DATABASE_URL` when set, otherwise an embedded PostgreSQL in `DATA_DIR`
 * with a database `lcc` created on first use. `reuseRunning`: attach to the embedded server of a running portal
 * instead of stopping it (the backup and restore tools).
 */
export async function resolveDatabase(
  env: Env,
  log: (line: string) => void,
  options: { reuseRunning?: boolean } = {},
): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    reuseRunning: options.reuseRunning,
    log: (line) => {
      if (/ERROR|FATAL|PANIC|stale|cannot enter/.test(line)) log(line);
    },
  });
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(embedded.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  return { url: url.toString(), embedded };
}

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@lcc/database';

export interface DatabaseServer {
  /** URL of a maintenance database on the server, where the harness creates and drops its own databases. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set (the harness only creates databases named `bench_*` there), else an embedded server. */
export async function databaseServer(): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const handle = await startEmbeddedPostgres({ dataDir: path.resolve('data/bench'), port: 54339 });
  return { adminUrl: handle.url, embedded: true, stop: () => handle.stop() };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A throw-away copy of a template database: a file copy (`STRATEGY = FILE_COPY`, seconds even for a million
 * messages). PostgreSQL 15's default strategy writes the whole copy into the WAL instead (about 900 MB here), which
 * started a checkpoint that ran through the first 36 s of the scenario measured next. Servers before 15 know only
 * the file copy, without the keyword.
 */
export async function cloneDatabase(adminUrl: string, template: string): Promise<string> {
  const name = `bench_run_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ version: number }>(`SELECT current_setting('server_version_num')::int AS version`);
    const strategy = rows[0]!.version >= 150000 ? ' STRATEGY = FILE_COPY' : '';
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}${strategy}`);
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.startsWith('bench_')) throw new Error(`refusing to drop ${name}: not a benchmark database`);
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

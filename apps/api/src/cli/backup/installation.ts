import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Env, validateEnv } from '../../config/env.validation.js';
import { resolveDatabase } from '../../database/connect.js';
import type { BlobStorage } from '../../modules/documents/storage/blob-storage.js';
import { blobStorageFromEnv } from '../../modules/documents/storage/blob-storage-from-env.js';

/** The portal's database and file store as the environment configures them (what `npm start` would use). */
export interface Installation {
  env: Env;
  /** The database's connection URL, credentials included: for connecting only, never for a message. */
  url: string;
  client: pg.Client;
  storage: BlobStorage;
  /** For messages: where the data is, without user names, passwords or keys. */
  description: string;
  close(): Promise<void>;
}

/**
 * Opens the installation: `DATABASE_URL`, or the embedded server of `DATA_DIR` (the running portal's own when it
 * runs, otherwise started for the duration and stopped again), and the file store of `S3_*` or `DATA_DIR`.
 */
export async function openInstallation(log: (line: string) => void): Promise<Installation> {
  const env = validateEnv(process.env);
  const target = await resolveDatabase(env, log, { reuseRunning: true });
  const client = new pg.Client({ connectionString: target.url, application_name: 'lcc-portal-backup' });
  try {
    await client.connect();
  } catch (error) {
    await target.embedded?.stop();
    throw error;
  }
  const close = async (): Promise<void> => {
    await client.end().catch(() => undefined);
    await target.embedded?.stop();
  };
  let storage: BlobStorage;
  try {
    storage = await blobStorageFromEnv(env);
  } catch (error) {
    await close();
    throw error;
  }
  const url = new URL(target.url);
  const database = target.embedded
    ? `embedded PostgreSQL in ${path.resolve(env.DATA_DIR)} (database ${url.pathname.slice(1)})`
    : `PostgreSQL ${url.hostname}:${url.port || '5432'}/${decodeURIComponent(url.pathname.slice(1))}`;
  const files = env.S3_BUCKET
    ? `S3 bucket ${env.S3_BUCKET}`
    : `local files in ${path.resolve(env.DATA_DIR, 'documents')}`;
  return { env, url: target.url, client, storage, description: `${database}, ${files}`, close };
}

/** The portal's version: `version` of the project's package.json (found above this file, in src or dist). */
export function appVersion(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'lcc-portal' && manifest.version) return manifest.version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}

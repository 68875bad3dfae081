import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BENCH_JWT_SECRET } from './tokens.js';

/** Clock ticks per second of /proc/<pid>/stat (100 on every Linux the project runs on). */
const TICKS = 100;

export interface Server {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  /** Resident memory now and its peak since start, in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
  /** Full garbage collection in the server (only when started with `GC_ON_SIGNAL`). */
  collectGarbage(): Promise<void>;
  /** The heap its live objects used after the last `collectGarbage()`, in MB (null before one). */
  heapUsedMb(): number | null;
}

/** Node arguments that let `collectGarbage()` work. */
export const GC_ON_SIGNAL = ['--expose-gc', '--import', './bench/lib/gc-on-signal.mjs'];

let nextPort = 4100 + Math.floor(Math.random() * 200);

/**
 * Starts a server process through `sh` so its open-file limit is raised to the hard limit first (thousands of
 * sockets); `exec` keeps the pid, so CPU and memory are read from the server itself. Resolves once a line of its
 * output contains `readyText`.
 */
export async function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyText = 'ready',
  port = nextPort++,
): Promise<Server> {
  const child = spawn(
    '/bin/sh',
    ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...args],
    {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += String(data);
      if (output.includes(readyText)) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => {
      output += String(data);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${String(data)}`);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
  });
  // The output read line by line (a line may arrive in two chunks): the last `bench-heap-used` line counts.
  let heapUsed: number | null = null;
  let partial = '';
  child.stdout?.on('data', (data: Buffer) => {
    const lines = (partial + String(data)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const reported = /^bench-heap-used (\d+)$/.exec(line);
      if (reported) heapUsed = Number(reported[1]);
    }
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    cpuSeconds: () => processCpuSeconds(pid),
    memory: () => processMemory(pid),
    stop: () => stopProcess(child),
    collectGarbage: async () => {
      child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    heapUsedMb: () => (heapUsed === null ? null : heapUsed / 1024 / 1024),
  };
}

export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

export function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Node's options of the portal in production (the Dockerfile's `NODE_OPTIONS`, `npm run start:prod`): semi-spaces of
 * 32 MB instead of V8's 16, so a history page's garbage is swept in fewer, shorter minor collections.
 */
export const PORTAL_NODE_OPTIONS = ['--max-semi-space-size=32'];

/** The built portal, as production runs it, with limits raised so the benchmark measures work, not refusals. */
export function startPortal(
  databaseUrl: string,
  extra: Record<string, string> = {},
  port?: number,
  nodeArgs: string[] = [],
): Promise<Server> {
  // BENCH_PROFILE_DIR=<dir>: every portal process writes a V8 CPU profile there when it stops (`--cpu-prof`).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  return startProcess(
    'portal',
    // BENCH_PORTAL_DIST=<folder>: run another build of the portal (to compare a change with the build before it).
    [
      ...PORTAL_NODE_OPTIONS,
      ...nodeArgs,
      ...profile,
      `${process.env.BENCH_PORTAL_DIST ?? 'dist'}/apps/api/src/main.js`,
    ],
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_JWT_SECRET,
      DB_MIGRATIONS_RUN: 'false',
      RATE_LIMIT_DEFAULT: '100000000',
      RATE_LIMIT_SOCKET_PER_SECOND: '100000',
      RATE_LIMIT_SOCKET_BURST: '100000',
      REMINDER_POLL_INTERVAL_MS: '0',
      ...extra,
    },
    'ready',
    port,
  );
}

/** A bare baseline server of `bench/baselines/` (TypeScript, run through tsx). */
export function startBaseline(
  file: string,
  mode: string,
  databaseUrl: string,
  port?: number,
  nodeArgs: string[] = [],
): Promise<Server> {
  return startProcess(
    `${file}:${mode}`,
    [...nodeArgs, '--import', 'tsx', `bench/baselines/${file}`, mode],
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET },
    'ready',
    port,
  );
}

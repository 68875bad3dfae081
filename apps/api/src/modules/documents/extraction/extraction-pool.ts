import { type ChildProcess, fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExtractionPoolOptions } from './extraction-limits.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-protocol.js';

/** Why a parse produced no text. `stopped`: the pool was closed (a shutdown), not the file's fault. */
export type ExtractionFailureReason = 'refused' | 'error' | 'timeout' | 'memory' | 'crash' | 'stopped';

export class ExtractionFailure extends Error {
  override readonly name = 'ExtractionFailure';
  constructor(
    readonly reason: ExtractionFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** How often the parent reads each worker's resident memory. */
const WATCH_INTERVAL_MS = 100;

/**
 * The worker beside this file: compiled JavaScript in `dist/`, TypeScript under the test runner, where a child
 * process cannot load `.ts` by itself and gets tsx's loader (a development dependency, never needed in `dist/`).
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const extension = path.extname(here);
  const file = path.join(path.dirname(here), `extraction.worker${extension}`);
  if (extension !== '.ts') return { file, execArgv: [] };
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return { file, execArgv: ['--import', pathToFileURL(tsx).href] };
}

/**
 * Parses untrusted files in child processes, at most `concurrency` at a time, one process per file. The API's
 * event loop only copies bytes and waits. Each child gets a V8 heap limit, and the parent reads its resident memory
 * (`/proc/<pid>/status`) every 100 ms and kills it over `memoryMb` — the heap limit alone does not cover the typed
 * arrays parsers inflate into. The clock kills it at `timeoutMs`; closing the pool kills every child at once.
 */
export class ExtractionPool {
  private readonly entry = workerEntry();
  private readonly children = new Set<ChildProcess>();
  private readonly queue: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private active = 0;
  private closed = false;

  constructor(private readonly options: ExtractionPoolOptions) {}

  /** The text of the file at `file` (a private copy the caller removes afterwards). */
  async run(file: string, mimeType: string): Promise<string> {
    await this.acquire();
    try {
      return await this.parse(file, mimeType);
    } finally {
      this.release();
    }
  }

  /** Kills every running worker and refuses queued and later jobs (`stopped`). */
  close(): void {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(stopped());
    for (const child of this.children) child.kill('SIGKILL');
  }

  /** Process ids of the running workers (to observe them from outside). */
  get pids(): number[] {
    return [...this.children].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(stopped());
    if (this.active < this.options.concurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.queue.push({ resolve, reject }));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next.resolve();
    else this.active -= 1;
  }

  private parse(file: string, mimeType: string): Promise<string> {
    const { timeoutMs, memoryMb, limits } = this.options;
    return new Promise((resolve, reject) => {
      const heapMb = Math.max(32, Math.floor(memoryMb * 0.75));
      const child = fork(this.entry.file, [], {
        execArgv: [...this.entry.execArgv, `--max-old-space-size=${heapMb}`],
        // Nothing of the API's environment (database URL, secrets) reaches the process that parses uploads.
        env: process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {},
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.children.add(child);
      let answer: ExtractionReply | undefined;
      let killedFor: ExtractionFailureReason | undefined;
      let stderr = '';
      const kill = (reason: ExtractionFailureReason) => {
        killedFor ??= reason;
        child.kill('SIGKILL');
      };
      if (this.closed) kill('stopped');
      const timer = setTimeout(() => kill('timeout'), timeoutMs);
      const watchdog = setInterval(() => {
        void residentMegabytes(child.pid).then((rss) => {
          if (rss > memoryMb) kill('memory');
        });
      }, WATCH_INTERVAL_MS);
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('message', (message: ExtractionReply) => (answer = message));
      child.on('error', (error) => {
        stderr += error.message;
        kill('crash');
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        clearInterval(watchdog);
        this.children.delete(child);
        if (this.closed && !answer) killedFor ??= 'stopped';
        const reply = killedFor ? undefined : answer;
        if (reply?.ok) return resolve(reply.text);
        if (reply) return reject(new ExtractionFailure(reply.refused ? 'refused' : 'error', reply.message));
        if (!killedFor && /heap limit|heap out of memory/i.test(stderr)) {
          return reject(new ExtractionFailure('memory', `text extraction ran out of its ${heapMb} MB JavaScript heap`));
        }
        const reason = killedFor ?? 'crash';
        reject(new ExtractionFailure(reason, describe(reason, { timeoutMs, memoryMb, code, signal })));
      });
      const request: ExtractionRequest = { file, mimeType, limits, lifetimeMs: timeoutMs + 5_000 };
      child.send(request);
    });
  }
}

function describe(
  reason: ExtractionFailureReason,
  context: { timeoutMs: number; memoryMb: number; code: number | null; signal: NodeJS.Signals | null },
): string {
  switch (reason) {
    case 'timeout':
      return `text extraction took longer than ${context.timeoutMs / 1000} s and was stopped`;
    case 'memory':
      return `text extraction needed more than ${context.memoryMb} MB of resident memory and was stopped`;
    case 'stopped':
      return 'text extraction was stopped by a shutdown';
    default:
      return `the text extraction process ended unexpectedly (${context.signal ?? `exit code ${context.code}`})`;
  }
}

const stopped = () => new ExtractionFailure('stopped', 'text extraction was stopped by a shutdown');

/** Resident set size of a process in MB, from Linux's `/proc`; 0 where that is not available. */
async function residentMegabytes(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) / 1024 : 0;
  } catch {
    return 0;
  }
}

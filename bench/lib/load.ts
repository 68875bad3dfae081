import { readFileSync } from 'node:fs';
import * as hdr from 'hdr-histogram-js';
import type { Server } from './processes.js';

/** Latencies in microseconds, up to a minute, 3 significant digits. */
export function histogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
}

export interface Latency {
  count: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

export function summary(h: hdr.Histogram): Latency {
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    count: h.totalCount,
    p50ms: ms(h.getValueAtPercentile(50)),
    p99ms: ms(h.getValueAtPercentile(99)),
    maxMs: ms(h.maxValue),
  };
}

/** Records a latency given in milliseconds (performance.now() differences). */
export function record(h: hdr.Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

/**
 * Open loop: calls `fire(intendedAt)` `rate` times a second for `seconds`, on schedule whether or not earlier
 * calls have been answered (a slow server does not slow the load down). Latencies are measured from the intended
 * time, so a stalled generator or server shows up in them instead of hiding (no coordinated omission).
 */
export async function openLoop(rate: number, seconds: number, fire: (intendedAt: number, n: number) => void) {
  const total = Math.round(rate * seconds);
  const start = performance.now() + 5;
  let sent = 0;
  let lateMs = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total) {
        const intendedAt = start + (sent * 1000) / rate;
        if (intendedAt > now) break;
        lateMs = Math.max(lateMs, now - intendedAt);
        fire(intendedAt, sent);
        sent += 1;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    setTimeout(tick, 5);
  });
  return { sent, lateMs };
}

/** CPU use of the load generator (this process) and of a server between `start()` and `stop()`. */
export class CpuMeter {
  private wall = 0;
  private own = process.cpuUsage();
  private server = 0;

  constructor(private readonly target?: Server) {}

  start(): this {
    this.wall = performance.now();
    this.own = process.cpuUsage();
    this.server = this.target?.cpuSeconds() ?? 0;
    return this;
  }

  /** Fractions of one core: 1.0 is a core fully busy. The generator is one thread, so ~0.9 means it saturated. */
  stop(): { generatorCpu: number; serverCpu: number | null; serverCpuSeconds: number | null } {
    const seconds = (performance.now() - this.wall) / 1000;
    const used = process.cpuUsage(this.own);
    const server = this.target ? this.target.cpuSeconds() - this.server : null;
    return {
      generatorCpu: round2((used.user + used.system) / 1e6 / seconds),
      serverCpu: server === null ? null : round2(server / seconds),
      // CPU time per operation varies far less than throughput on a machine shared with other work.
      serverCpuSeconds: server === null ? null : round2(server),
    };
  }
}

/** The generator is single-threaded: past this share of a core its own delays dominate what it measures. */
export const GENERATOR_SATURATED = 0.9;

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The machine's CPU time, from the first line of /proc/stat: `busy` (user, system, interrupts) and `steal` (time the
 * hypervisor gave this virtual machine's CPUs to others), in clock ticks; null where /proc/stat is missing.
 */
function machineTicks(): { total: number; busy: number; steal: number } | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq!;
    return { total: busy + idle! + iowait! + steal!, busy, steal: steal! };
  } catch {
    return null;
  }
}

/**
 * How busy the whole machine was between `start()` and `stop()`, as shares of all its CPU time: what every process
 * used, and what the hypervisor took away (steal). A run with a large steal share measured a slower machine.
 */
export class MachineMeter {
  private from: ReturnType<typeof machineTicks> = null;

  start(): this {
    this.from = machineTicks();
    return this;
  }

  stop(): { machineBusy: number; steal: number } | null {
    const to = machineTicks();
    if (!to || !this.from || to.total === this.from.total) return null;
    const total = to.total - this.from.total;
    return {
      machineBusy: round2((to.busy - this.from.busy) / total),
      steal: round2((to.steal - this.from.steal) / total),
    };
  }
}

import { type Client, closeAll, connectAll, type SendRun, sendLoad } from '../lib/clients.js';
import type { Context } from '../lib/context.js';
import { CpuMeter, GENERATOR_SATURATED, type Latency, sleep, summary } from '../lib/load.js';
import { type Server, startBaseline, startPortal } from '../lib/processes.js';
import { type Row, ratio } from '../lib/report.js';
import { ROOM_SIZE } from '../lib/seed.js';

const KNEE_P99_MS = 100;

interface RateFigures {
  rate: number;
  sent: number;
  acked: number;
  failed: number;
  ackedPerSecond: number;
  deliveriesPerSecond: number;
  deliveredShare: number;
  ack: Latency;
  delivery: Latency;
  lastReceiver: Latency;
  lateMs: number;
  generatorCpu: number;
  serverCpu: number | null;
  /** Server CPU time per acknowledged message, fan-out included. */
  serverCpuMsPerMessage: number | null;
}

function figures(
  run: SendRun,
  cpu: { generatorCpu: number; serverCpu: number | null; serverCpuSeconds: number | null },
): RateFigures {
  return {
    rate: run.rate,
    sent: run.sent,
    acked: run.acked,
    failed: run.failed,
    ackedPerSecond: Math.round(run.acked / run.seconds),
    deliveriesPerSecond: Math.round(run.delivered / run.seconds),
    deliveredShare: Math.round((run.delivered / Math.max(1, run.expectedDeliveries)) * 1000) / 1000,
    ack: summary(run.ack),
    delivery: summary(run.delivery),
    lastReceiver: summary(run.lastReceiver),
    lateMs: run.lateMs,
    generatorCpu: cpu.generatorCpu,
    serverCpu: cpu.serverCpu,
    serverCpuMsPerMessage:
      cpu.serverCpuSeconds === null
        ? null
        : Math.round((cpu.serverCpuSeconds * 100_000) / Math.max(1, run.acked)) / 100,
  };
}

async function rates(
  ctx: Context,
  server: Server,
  clients: Client[],
  list: number[],
  seconds: number,
  keepGoing: (f: RateFigures) => boolean,
): Promise<RateFigures[]> {
  const out: RateFigures[] = [];
  for (const rate of list) {
    const meter = new CpuMeter(server).start();
    const run = await sendLoad(clients, rate, seconds);
    const f = figures(run, meter.stop());
    ctx.log(
      `  ${server.name} ${rate}/s: acked ${f.ackedPerSecond}/s, ack p50/p99 ${f.ack.p50ms}/${f.ack.p99ms} ms, ` +
        `deliveries ${f.deliveriesPerSecond}/s (${(f.deliveredShare * 100).toFixed(1)}%), delivery p99 ${f.delivery.p99ms} ms, ` +
        `last receiver p99 ${f.lastReceiver.p99ms} ms, gen CPU ${f.generatorCpu}, server CPU ${f.serverCpu} ` +
        `(${f.serverCpuMsPerMessage} ms per message)`,
    );
    out.push(f);
    if (!keepGoing(f)) break;
    await sleep(ctx.quick ? 1000 : 2000);
  }
  return out;
}

async function session<T>(server: Server, count: number, run: (clients: Client[]) => Promise<T>): Promise<T> {
  try {
    const clients = await connectAll(server.url, count);
    try {
      return await run(clients);
    } finally {
      closeAll(clients);
    }
  } finally {
    await server.stop();
  }
}

const kneeOk = (f: RateFigures) => f.delivery.p99ms <= KNEE_P99_MS && f.deliveredShare >= 0.99;
const sustainable = (f: RateFigures) => f.failed === 0 && f.acked >= f.sent * 0.99 && f.ack.p99ms <= KNEE_P99_MS;
const knee = (list: RateFigures[], ok: (f: RateFigures) => boolean) => list.filter(ok).at(-1) ?? null;
/** The rate that ended a series (the first that failed), if any: when its generator saturated, the knee is unknown. */
const firstFailed = (list: RateFigures[], ok: (f: RateFigures) => boolean) => list.find((f) => !ok(f));

/**
 * Scenarios 2 and 3 over the same clients: `count` authenticated sockets in rooms of 20, each joined to its room.
 * Fan-out: messages at fixed rates against a bare socket.io server that only does `io.to(room).emit`.
 * Persisted send: `message.send` with ack at 300/s and rising rates against bare socket.io + pg storing the message
 * with the same UPDATE ... RETURNING + INSERT in one transaction.
 */
export async function socketScenarios(ctx: Context): Promise<{ rows: Row[]; details: object }> {
  const count = Math.min(2000, ctx.sizes.socketRooms * ROOM_SIZE);
  const seconds = ctx.seconds(6, 3);
  const fanOutRates = ctx.quick ? [500, 1000] : [500, 1000, 1500, 2000];
  const sendRates = ctx.quick ? [300, 1000] : [300, 600, 1000, 1500, 2000, 3000];

  // The portal's fan-out and persisted send are the same operation: one ascending series of rates serves both,
  // so no measurement follows an overload.
  const portalServer = await startPortal(ctx.databaseUrl);
  const allRates = [...new Set([...fanOutRates, ...sendRates])].sort((a, b) => a - b);
  const portalRuns = await session(portalServer, count, (clients) =>
    rates(ctx, portalServer, clients, allRates, seconds, (f) => kneeOk(f) || sustainable(f)),
  );
  const portal = {
    fanOut: portalRuns.filter((f) => fanOutRates.includes(f.rate)),
    send: portalRuns,
  };
  const emitServer = await startBaseline('socket-server.ts', 'emit', ctx.databaseUrl);
  const bareFanOut = await session(emitServer, count, (clients) =>
    rates(ctx, emitServer, clients, fanOutRates, seconds, kneeOk),
  );
  const pgServer = await startBaseline('socket-server.ts', 'pg', ctx.databaseUrl);
  const bareSend = await session(pgServer, count, (clients) =>
    rates(ctx, pgServer, clients, allRates, seconds, sustainable),
  );

  const rows: Row[] = [];
  const saturated = (...list: (RateFigures | null | undefined)[]) =>
    list.some((f) => f && f.generatorCpu >= GENERATOR_SATURATED);
  const gen = (...list: (RateFigures | null | undefined)[]) => Math.max(0, ...list.map((f) => f?.generatorCpu ?? 0));

  const kneePortal = knee(portal.fanOut, kneeOk);
  const kneeBare = knee(bareFanOut, kneeOk);
  const fanRatio = ratio(kneePortal?.deliveriesPerSecond ?? 0, kneeBare?.deliveriesPerSecond);
  rows.push({
    scenario: '2 Fan-out',
    measure: `deliveries/s at the knee (p99 ≤ ${KNEE_P99_MS} ms), ${count} sockets, rooms of ${ROOM_SIZE}`,
    unit: '/s',
    portal: kneePortal?.deliveriesPerSecond ?? 0,
    baseline: kneeBare?.deliveriesPerSecond ?? null,
    baselineName: 'socket.io emit',
    ratio: fanRatio,
    target: '≥ 0.85× bare socket.io',
    met: fanRatio === null ? null : fanRatio >= 0.85,
    void: saturated(kneePortal, kneeBare, firstFailed(portal.fanOut, kneeOk), firstFailed(bareFanOut, kneeOk)),
    generatorCpu: gen(kneePortal, kneeBare),
    note: `knee at ${kneePortal?.rate ?? 'none'} vs ${kneeBare?.rate ?? 'none'} msg/s`,
  });
  const first = (list: RateFigures[]) => list[0];
  rows.push({
    scenario: '2 Fan-out',
    measure: `delivery p99 at ${fanOutRates[0]} msg/s`,
    unit: 'ms',
    portal: first(portal.fanOut)?.delivery.p99ms ?? null,
    baseline: first(bareFanOut)?.delivery.p99ms ?? null,
    baselineName: 'socket.io emit',
    ratio: ratio(first(bareFanOut)?.delivery.p99ms, first(portal.fanOut)?.delivery.p99ms),
    void: saturated(first(portal.fanOut), first(bareFanOut)),
    generatorCpu: gen(first(portal.fanOut), first(bareFanOut)),
  });

  const at300 = portal.send.find((f) => f.rate === 300);
  const bare300 = bareSend.find((f) => f.rate === 300);
  const topPortal = knee(portal.send, sustainable);
  const topBare = knee(bareSend, sustainable);
  const sendRatio = ratio(topPortal?.ackedPerSecond ?? 0, topBare?.ackedPerSecond);
  rows.push({
    scenario: '3 Persisted send',
    measure: 'acked msg/s at the highest sustainable rate (all acked, p99 ≤ 100 ms)',
    unit: '/s',
    portal: topPortal?.ackedPerSecond ?? 0,
    baseline: topBare?.ackedPerSecond ?? null,
    baselineName: 'socket.io + pg',
    ratio: sendRatio,
    target: '≥ 1,000/s and ≥ 0.8× raw',
    met: sendRatio === null ? null : (topPortal?.ackedPerSecond ?? 0) >= 1000 && sendRatio >= 0.8,
    void: saturated(topPortal, topBare, firstFailed(portal.send, sustainable), firstFailed(bareSend, sustainable)),
    generatorCpu: gen(topPortal, topBare),
  });
  rows.push({
    scenario: '3 Persisted send',
    measure: 'server CPU per acknowledged message (fan-out to 20 included) at 300 msg/s',
    unit: 'ms',
    portal: at300?.serverCpuMsPerMessage ?? null,
    baseline: bare300?.serverCpuMsPerMessage ?? null,
    baselineName: 'socket.io + pg',
    ratio: ratio(bare300?.serverCpuMsPerMessage, at300?.serverCpuMsPerMessage),
  });
  for (const [label, pick] of [
    ['send→ack', (f: RateFigures) => f.ack],
    ['send→last receiver', (f: RateFigures) => f.lastReceiver],
  ] as const) {
    rows.push({
      scenario: '3 Persisted send',
      measure: `p50 ${label} at 300 msg/s`,
      unit: 'ms',
      portal: at300 ? pick(at300).p50ms : null,
      baseline: bare300 ? pick(bare300).p50ms : null,
      baselineName: 'socket.io + pg',
    });
    const p99 = at300 ? pick(at300).p99ms : null;
    rows.push({
      scenario: '3 Persisted send',
      measure: `p99 ${label} at 300 msg/s`,
      unit: 'ms',
      portal: p99,
      baseline: bare300 ? pick(bare300).p99ms : null,
      baselineName: 'socket.io + pg',
      ...(label === 'send→ack' ? { target: '≤ 25 ms', met: p99 === null ? null : p99 <= 25 } : {}),
      void: saturated(at300, bare300),
      generatorCpu: gen(at300, bare300),
    });
    if (topPortal && topPortal.rate !== 300) {
      rows.push({
        scenario: '3 Persisted send',
        measure: `p99 ${label} at ${topPortal.rate} msg/s (the portal's highest; p50 in note)`,
        unit: 'ms',
        portal: pick(topPortal).p99ms,
        void: saturated(topPortal),
        generatorCpu: topPortal.generatorCpu,
        note: `p50 ${pick(topPortal).p50ms} ms`,
      });
    }
  }
  return { rows, details: { sockets: count, portal, bareFanOut, bareSend } };
}

import { type Client, closeAll, connectAll } from '../lib/clients.js';
import type { Context } from '../lib/context.js';
import { withClient } from '../lib/db.js';
import { CpuMeter, round2, sleep } from '../lib/load.js';
import { GC_ON_SIGNAL, type Server, startBaseline, startPortal } from '../lib/processes.js';
import { type Row, ratio } from '../lib/report.js';

const MISSED_PER_ROOM = 5;

/**
 * Both servers' young generation fixed at its largest size from the start (16 MB semi-spaces), so that resident
 * memory grows with what the sockets hold and not with V8 growing the young generation under the handshakes' load
 * (it grew from 8 to 32 MB in the bare server and was at 32 MB already in the portal after its start).
 */
const MEASURED = [...GC_ON_SIGNAL, '--min-semi-space-size=16', '--max-semi-space-size=16'];

async function idleMemory(ctx: Context, server: Server, count: number) {
  await sleep(1000);
  await server.collectGarbage();
  const before = server.memory().rssMb;
  const heapBefore = server.heapUsedMb() ?? 0;
  const meter = new CpuMeter(server).start();
  const started = performance.now();
  const clients = await connectAll(server.url, count, 100, true);
  const connectSeconds = (performance.now() - started) / 1000;
  const cpu = meter.stop();
  await sleep(2000);
  await server.collectGarbage();
  const after = server.memory().rssMb;
  const heapAfter = server.heapUsedMb() ?? 0;
  const figures = {
    sockets: count,
    rssBeforeMb: Math.round(before),
    rssAfterMb: Math.round(after),
    kbPerSocket: Math.round(((after - before) * 1024) / count),
    heapKbPerSocket: round2(((heapAfter - heapBefore) * 1024) / count),
    connectedPerSecond: Math.round(count / connectSeconds),
    ...cpu,
  };
  ctx.log(`  ${server.name}: ${JSON.stringify(figures)}`);
  return { clients, figures };
}

/**
 * Every client rejoins its room with the last seq it saw once it is connected again, paging on while `hasMore`,
 * until it holds the room's last seq. Resolves with the time at which the last client caught up.
 */
function catchUp(clients: Client[], timeoutMs: number): Promise<{ caughtUp: number; at: number }> {
  return new Promise((resolve) => {
    let caughtUp = 0;
    const done = () => resolve({ caughtUp, at: performance.now() });
    const timer = setTimeout(done, timeoutMs);
    for (const c of clients) {
      const rejoin = async (): Promise<void> => {
        const ack = await c.socket.timeout(30_000).emitWithAck('room.join', { roomId: c.roomId, sinceSeq: c.lastSeq });
        if (!ack.ok) throw new Error(ack.error.code);
        c.lastSeq = Math.max(c.lastSeq, ...ack.messages.map((m: { seq: number }) => m.seq));
        if (ack.hasMore) return rejoin();
        if (c.lastSeq < ack.lastSeq) throw new Error(`client ${c.index} missed messages`);
        caughtUp += 1;
        if (caughtUp === clients.length) {
          clearTimeout(timer);
          done();
        }
      };
      // The server closed the connection itself on shutdown: like the web client, reconnect after a short jitter.
      c.socket.on('disconnect', (reason) => {
        if (reason === 'io server disconnect') setTimeout(() => c.socket.connect(), Math.random() * 1000);
      });
      c.socket.once('connect', () => void rejoin().catch(() => undefined));
    }
  });
}

/**
 * Scenario 4: resident memory per idle authenticated socket (each joined to its room) against bare socket.io with
 * the same clients; then the portal restarts while messages arrive in every room, and every client reconnects and
 * catches up exactly.
 */
export async function connectionsScenario(ctx: Context): Promise<{ rows: Row[]; details: object }> {
  const count = ctx.sizes.members;
  const bare = await startBaseline('socket-server.ts', 'emit', ctx.databaseUrl, undefined, MEASURED);
  const bareFigures = await idleMemory(ctx, bare, count).then(
    async ({ clients, figures }) => {
      closeAll(clients);
      return figures;
    },
    async (error: unknown) => {
      await bare.stop();
      throw error;
    },
  );
  await bare.stop();

  const portal = await startPortal(ctx.databaseUrl, {}, undefined, MEASURED);
  const { clients, figures } = await idleMemory(ctx, portal, count);
  const port = portal.port;
  const caught = catchUp(clients, 120_000);
  const restartedAt = performance.now();
  await portal.stop();
  await withClient(ctx.databaseUrl, (c) =>
    c.query(
      `WITH bumped AS (
         UPDATE rooms SET last_seq = last_seq + ${MISSED_PER_ROOM}, last_message_at = now()
          WHERE name LIKE 'Bench room %' RETURNING id, last_seq, created_by_id)
       INSERT INTO messages (room_id, seq, client_id, author_id, body, search_vector)
       SELECT b.id, b.last_seq - k, gen_random_uuid(), b.created_by_id, 'while you were away ' || k,
              to_tsvector('simple', 'while you were away')
         FROM bumped b, generate_series(0, ${MISSED_PER_ROOM - 1}) k`,
    ),
  );
  const again = await startPortal(ctx.databaseUrl, {}, port);
  const readyAt = performance.now();
  const meter = new CpuMeter(again).start();
  const { caughtUp, at } = await caught;
  const cpu = meter.stop();
  closeAll(clients);
  await again.stop();
  const storm = {
    clients: count,
    caughtUp,
    secondsFromStop: round2((at - restartedAt) / 1000),
    secondsFromReady: round2((at - readyAt) / 1000),
    ...cpu,
  };
  ctx.log(`  reconnect storm: ${JSON.stringify(storm)}`);

  const memoryRatio = ratio(figures.kbPerSocket, bareFigures.kbPerSocket);
  const rows: Row[] = [
    {
      scenario: '4 Connections',
      measure: `memory per idle authenticated socket (${count} sockets)`,
      unit: 'KB',
      portal: figures.kbPerSocket,
      baseline: bareFigures.kbPerSocket,
      baselineName: 'socket.io',
      ratio: memoryRatio,
      target: '≤ 1.2× bare (ratio shown portal ÷ bare)',
      met: memoryRatio === null ? null : memoryRatio <= 1.2,
    },
    {
      // Resident memory also counts what V8 keeps around the live objects (free space left in the old
      // generation's pages, a young generation grown by the handshakes), which differs between the two processes.
      scenario: '4 Connections',
      measure: `heap of live objects per idle authenticated socket (${count} sockets, after a full GC)`,
      unit: 'KB',
      portal: figures.heapKbPerSocket,
      baseline: bareFigures.heapKbPerSocket,
      baselineName: 'socket.io',
      ratio: ratio(figures.heapKbPerSocket, bareFigures.heapKbPerSocket),
    },
    {
      scenario: '4 Connections',
      measure: `handshakes + room.join per second (${count} sockets)`,
      unit: '/s',
      portal: figures.connectedPerSecond,
      baseline: bareFigures.connectedPerSecond,
      baselineName: 'socket.io',
      ratio: ratio(figures.connectedPerSecond, bareFigures.connectedPerSecond),
      generatorCpu: Math.max(figures.generatorCpu, bareFigures.generatorCpu),
    },
    {
      scenario: '4 Connections',
      measure: `${count} clients reconnected and caught up, from the restarted server being ready`,
      unit: 's',
      portal: caughtUp === count ? storm.secondsFromReady : null,
      target: '≤ 20 s',
      met: caughtUp === count && storm.secondsFromReady <= 20,
      generatorCpu: cpu.generatorCpu,
      note: `${storm.secondsFromStop} s from the stop (shutdown and start included); ${caughtUp}/${count} caught up`,
    },
  ];
  return { rows, details: { portal: figures, bare: bareFigures, storm } };
}

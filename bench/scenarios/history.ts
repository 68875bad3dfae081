import { Agent, request } from 'node:http';
import type { Context } from '../lib/context.js';
import { CpuMeter, GENERATOR_SATURATED, histogram, openLoop, record, sleep, summary } from '../lib/load.js';
import { startPortal } from '../lib/processes.js';
import type { Row } from '../lib/report.js';
import { historyRoomId, memberId, sessionId } from '../lib/seed.js';
import { accessToken } from '../lib/tokens.js';

const ENGLISH_QUERIES = ['carbon transport', 'solar roof', 'bus', 'heating retrofit', 'waste recycling', 'tariff'];
const CJK_QUERIES = ['低碳城市', '交通 排放', '太阳能', '公交', '建筑 效率', '森林'];
// Prefix queries find the other case forms (`транспорт` also finds `транспорта`, `солнечн` every ending).
const RUSSIAN_QUERIES = ['транспорт', 'выбросы углерода', 'автобус', 'солнечн', 'отопление здания', 'лес'];
/** The history load's name in rows and logs. */
const HISTORY = 'history page (50 messages, newest or before a random seq)';
/** Searches per second of each search load. */
const SEARCH_RATE = 20;
/**
 * History pages read before the measured load, 8 at a time: a portal that has served for a while has its route
 * compiled by V8; right after a start the same page costs it 3.1–3.4 ms of CPU instead of 2.1–2.4 ms. The first
 * seconds after the start are measured too, in a row of their own.
 */
const WARM_UP_PAGES = 3000;
const WARM_UP_IN_FLIGHT = 8;

/** One GET with the member's token over `agent`; resolves with its status once the whole body has arrived. */
function get(agent: Agent, url: string, token: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Open-loop GETs at `rate` per second; each request's path from `pathOf(n)`; latency from the intended time. */
async function getLoad(base: string, token: string, rate: number, seconds: number, pathOf: (n: number) => string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const h = histogram();
  let errors = 0;
  let inFlight = 0;
  const start = performance.now();
  const { sent } = await openLoop(rate, seconds, (at, n) => {
    inFlight += 1;
    get(agent, `${base}${pathOf(n)}`, token).then(
      (status) => {
        if (status !== 200) errors += 1;
        record(h, performance.now() - at);
        inFlight -= 1;
      },
      () => {
        errors += 1;
        inFlight -= 1;
      },
    );
  });
  const until = performance.now() + 10_000;
  while (inFlight > 0 && performance.now() < until) await sleep(10);
  // Requests still unanswered count at the time waited so far (a lower bound), so an overload cannot hide.
  const unanswered = inFlight;
  for (let i = 0; i < unanswered; i += 1) record(h, performance.now() - start - seconds * 1000);
  agent.destroy();
  return { sent, errors, unanswered, ...summary(h) };
}

interface Load {
  name: string;
  /** Requests per second. */
  rate: number;
  pathOf: (n: number) => string;
  /** The target p99; none for a figure reported without one. */
  goalMs?: number;
  /** History pages read (closed loop) before the load; without, 1 s of the load itself. */
  warmUpPages?: number;
  /** How long the load runs; the scenario's default without. */
  seconds?: number;
}

/** Closed loop: `total` GETs, `inFlight` at a time, each path from `pathOf(n)`; fails on any answer but 200. */
async function warmUp(base: string, token: string, total: number, inFlight: number, pathOf: (n: number) => string) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < total) {
          const status = await get(agent, `${base}${pathOf(next++)}`, token);
          if (status !== 200) throw new Error(`warm-up got ${status}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/**
 * Scenario 5: a member of every large room reads history pages (the newest, or before a random seq) and searches
 * messages and documents in English, Chinese and Russian, at fixed rates, on the seeded million messages and 20k
 * documents.
 */
export async function historyScenario(ctx: Context): Promise<{ rows: Row[]; details: object }> {
  const { historyRooms, messagesPerRoom, documents } = ctx.sizes;
  const token = accessToken(memberId(0), sessionId(0));
  const seconds = ctx.seconds(10, 2);
  const server = await startPortal(ctx.databaseUrl);
  const historyPage = (n: number) => {
    const room = historyRoomId((n * 7919) % historyRooms);
    const before = n % 2 ? `&before=${51 + ((n * 104_729) % (messagesPerRoom - 50))}` : '';
    return `/api/rooms/${room}/messages?limit=50${before}`;
  };
  const loads: Load[] = [
    // As measured before the warm-up existed: 1 s at the rate, then the load (no target: a figure to watch).
    { name: `${HISTORY}, right after the start`, rate: 100, pathOf: (n) => historyPage(n + 500_000) },
    // 30 s: a p99 of 1,000 requests is their tenth slowest, and one pause of the machine moves it.
    {
      name: HISTORY,
      rate: 100,
      pathOf: historyPage,
      goalMs: 10,
      warmUpPages: WARM_UP_PAGES,
      seconds: ctx.seconds(30, 2),
    },
    ...(
      [
        ['English', ENGLISH_QUERIES],
        ['Chinese', CJK_QUERIES],
        ['Russian', RUSSIAN_QUERIES],
      ] as const
    ).flatMap(([language, queries]): Load[] => [
      {
        name: `message search, ${language}`,
        rate: SEARCH_RATE,
        pathOf: (n) => `/api/search?scope=messages&q=${encodeURIComponent(queries[n % queries.length]!)}`,
        goalMs: 100,
      },
      {
        name: `document search, ${language}`,
        rate: SEARCH_RATE,
        pathOf: (n) => `/api/documents?q=${encodeURIComponent(queries[n % queries.length]!)}`,
        goalMs: 100,
      },
    ]),
  ];
  const rows: Row[] = [];
  const details: Record<string, object> = {};
  try {
    for (const { name, rate, pathOf, goalMs, warmUpPages, seconds: loadSeconds = seconds } of loads) {
      if (warmUpPages) {
        await warmUp(server.url, token, warmUpPages, WARM_UP_IN_FLIGHT, (n) => historyPage(n + 1_000_000));
      } else {
        await getLoad(server.url, token, rate, 1, pathOf);
      }
      const meter = new CpuMeter(server).start();
      const result = await getLoad(server.url, token, rate, loadSeconds, pathOf);
      const cpu = meter.stop();
      const cpuMsPerRequest = cpu.serverCpuSeconds === null ? null : (cpu.serverCpuSeconds * 1000) / result.sent;
      details[name] = { rate, warmUpPages: warmUpPages ?? 0, ...result, ...cpu, cpuMsPerRequest };
      ctx.log(`  ${name} at ${rate}/s: ${JSON.stringify(details[name])}`);
      const failed = [
        result.errors ? `${result.errors} errors` : '',
        result.unanswered ? `${result.unanswered} unanswered after 10 s` : '',
      ].filter(Boolean);
      rows.push({
        scenario: '5 History & search',
        measure: `p99 ${name} at ${rate}/s for ${loadSeconds} s (p50 in note)`,
        unit: 'ms',
        portal: result.errors ? null : result.p99ms,
        ...(goalMs === undefined
          ? {}
          : { target: `p99 ≤ ${goalMs} ms`, met: failed.length ? false : result.p99ms <= goalMs }),
        void: cpu.generatorCpu >= GENERATOR_SATURATED,
        generatorCpu: cpu.generatorCpu,
        serverCpu: cpu.serverCpu,
        note: [
          `p50 ${result.p50ms} ms`,
          ...(cpuMsPerRequest === null ? [] : [`${cpuMsPerRequest.toFixed(2)} ms server CPU per request`]),
          ...(warmUpPages ? [`after ${warmUpPages} pages of warm-up`] : []),
          ...failed,
        ].join(', '),
      });
    }
  } finally {
    await server.stop();
  }
  ctx.log(`  (${historyRooms * messagesPerRoom} messages in ${historyRooms} rooms, ${documents} documents)`);
  return { rows, details };
}

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
/** Searches per second of each search load. */
const SEARCH_RATE = 20;

/** Open-loop GETs at `rate` per second; each request's path from `pathOf(n)`; latency from the intended time. */
async function getLoad(base: string, token: string, rate: number, seconds: number, pathOf: (n: number) => string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const h = histogram();
  let errors = 0;
  let inFlight = 0;
  const start = performance.now();
  const { sent } = await openLoop(rate, seconds, (at, n) => {
    inFlight += 1;
    const req = request(`${base}${pathOf(n)}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) errors += 1;
      res.resume();
      res.on('end', () => {
        record(h, performance.now() - at);
        inFlight -= 1;
      });
    });
    req.on('error', () => {
      errors += 1;
      inFlight -= 1;
    });
    req.end();
  });
  const until = performance.now() + 10_000;
  while (inFlight > 0 && performance.now() < until) await sleep(10);
  // Requests still unanswered count at the time waited so far (a lower bound), so an overload cannot hide.
  const unanswered = inFlight;
  for (let i = 0; i < unanswered; i += 1) record(h, performance.now() - start - seconds * 1000);
  agent.destroy();
  return { sent, errors, unanswered, ...summary(h) };
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
  const loads: [string, number, (n: number) => string, number][] = [
    [
      'history page (50 messages, newest or before a random seq)',
      100,
      (n) => {
        const room = historyRoomId((n * 7919) % historyRooms);
        const before = n % 2 ? `&before=${51 + ((n * 104_729) % (messagesPerRoom - 50))}` : '';
        return `/api/rooms/${room}/messages?limit=50${before}`;
      },
      10,
    ],
    ...(
      [
        ['English', ENGLISH_QUERIES],
        ['Chinese', CJK_QUERIES],
        ['Russian', RUSSIAN_QUERIES],
      ] as const
    ).flatMap(([language, queries]): [string, number, (n: number) => string, number][] => [
      [
        `message search, ${language}`,
        SEARCH_RATE,
        (n) => `/api/search?scope=messages&q=${encodeURIComponent(queries[n % queries.length]!)}`,
        100,
      ],
      [
        `document search, ${language}`,
        SEARCH_RATE,
        (n) => `/api/documents?q=${encodeURIComponent(queries[n % queries.length]!)}`,
        100,
      ],
    ]),
  ];
  const rows: Row[] = [];
  const details: Record<string, object> = {};
  try {
    for (const [name, rate, pathOf, goal] of loads) {
      await getLoad(server.url, token, rate, 1, pathOf);
      const meter = new CpuMeter(server).start();
      const result = await getLoad(server.url, token, rate, seconds, pathOf);
      const cpu = meter.stop();
      details[name] = { rate, ...result, ...cpu };
      ctx.log(`  ${name} at ${rate}/s: ${JSON.stringify(details[name])}`);
      rows.push({
        scenario: '5 History & search',
        measure: `p99 ${name} at ${rate}/s (p50 in note)`,
        unit: 'ms',
        portal: result.errors ? null : result.p99ms,
        target: `p99 ≤ ${goal} ms`,
        met: result.errors || result.unanswered ? false : result.p99ms <= goal,
        void: cpu.generatorCpu >= GENERATOR_SATURATED,
        generatorCpu: cpu.generatorCpu,
        serverCpu: cpu.serverCpu,
        note: `p50 ${result.p50ms} ms${result.errors ? `, ${result.errors} errors` : ''}${result.unanswered ? `, ${result.unanswered} unanswered after 10 s` : ''}`,
      });
    }
  } finally {
    await server.stop();
  }
  ctx.log(`  (${historyRooms * messagesPerRoom} messages in ${historyRooms} rooms, ${documents} documents)`);
  return { rows, details };
}

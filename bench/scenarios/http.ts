import autocannon from 'autocannon';
import type { Context } from '../lib/context.js';
import { CpuMeter, GENERATOR_SATURATED } from '../lib/load.js';
import { type Server, startBaseline, startPortal } from '../lib/processes.js';
import { type Row, ratio } from '../lib/report.js';
import { historyRoomId, memberId, sessionId } from '../lib/seed.js';
import { accessToken } from '../lib/tokens.js';

interface Figures {
  requestsPerSecond: number;
  p99AtSaturationMs: number;
  p99AtRateMs: number | null;
  errors: number;
  generatorCpu: number;
  serverCpu: number | null;
  /** Server CPU time per request at saturation. */
  serverCpuMsPerRequest: number | null;
}

/**
 * Scenario 1: the trivial route and a database-backed route (a room's newest history page, authenticated) on the
 * portal, on bare Express (Nest's own platform), on bare node:http and on an empty Nest app doing the same work
 * (how much of the gap any Nest app on Express pays). First closed loop with
 * 32 connections for the most requests per second, then open loop at half the portal's rate for p99.
 */
export async function httpScenario(ctx: Context): Promise<{ rows: Row[]; details: object }> {
  const token = accessToken(memberId(0), sessionId(0));
  const routes = [
    { name: 'GET /api/health/live', path: '/api/health/live', headers: {} as Record<string, string> },
    {
      name: 'GET /api/rooms/:id/messages (50, auth)',
      path: `/api/rooms/${historyRoomId(0)}/messages?limit=50`,
      headers: { authorization: `Bearer ${token}` },
    },
  ];
  const duration = ctx.seconds(8, 2);
  const servers: [string, () => Promise<Server>][] = [
    ['portal', () => startPortal(ctx.databaseUrl)],
    ['express', () => startBaseline('http-server.ts', 'express', ctx.databaseUrl)],
    ['node:http', () => startBaseline('http-server.ts', 'node', ctx.databaseUrl)],
    ['empty Nest', () => startBaseline('http-server.ts', 'nest', ctx.databaseUrl)],
  ];
  const results: Record<string, Record<string, Figures>> = {};
  for (const [name, start] of servers) {
    const server = await start();
    results[name] = {};
    try {
      for (const route of routes) {
        const url = server.url + route.path;
        const probe = await fetch(url, { headers: route.headers });
        if (probe.status !== 200) throw new Error(`${name} ${route.path}: HTTP ${probe.status}`);
        await autocannon({ url, connections: 32, duration: 1, headers: route.headers });
        const meter = new CpuMeter(server).start();
        const max = await autocannon({ url, connections: 32, duration, headers: route.headers });
        const cpu = meter.stop();
        // Open loop at half of what the portal managed, the same rate for every server.
        const rate = Math.max(
          10,
          Math.round((results.portal?.[route.name]?.requestsPerSecond ?? max.requests.mean) / 2),
        );
        const fixed = await autocannon({ url, connections: 32, duration, headers: route.headers, overallRate: rate });
        results[name][route.name] = {
          requestsPerSecond: Math.round(max.requests.mean),
          p99AtSaturationMs: max.latency.p99,
          p99AtRateMs: fixed.latency.p99,
          errors: max.errors + max.non2xx + fixed.errors + fixed.non2xx,
          generatorCpu: cpu.generatorCpu,
          serverCpu: cpu.serverCpu,
          serverCpuMsPerRequest:
            cpu.serverCpuSeconds === null
              ? null
              : Math.round((cpu.serverCpuSeconds * 100_000) / Math.max(1, max.requests.total)) / 100,
        };
        ctx.log(`  ${name} ${route.name}: ${JSON.stringify(results[name][route.name])} (rate ${rate}/s)`);
      }
    } finally {
      await server.stop();
    }
  }
  const rows: Row[] = [];
  routes.forEach((route, i) => {
    const portal = results.portal![route.name]!;
    const bare = results.express![route.name]!;
    const node = results['node:http']![route.name]!;
    const r = ratio(portal.requestsPerSecond, bare.requestsPerSecond);
    const goal = i === 0 ? 0.85 : 0.9;
    const saturated = [portal, bare].some((f) => f.generatorCpu >= GENERATOR_SATURATED);
    rows.push({
      scenario: '1 HTTP',
      measure: `${route.name} req/s`,
      unit: '',
      portal: portal.requestsPerSecond,
      baseline: bare.requestsPerSecond,
      baselineName: 'express',
      ratio: r,
      target: `≥ ${goal}× express`,
      met: r === null ? null : r >= goal,
      void: saturated,
      generatorCpu: Math.max(portal.generatorCpu, bare.generatorCpu),
      serverCpu: portal.serverCpu,
      note: `node:http ${node.requestsPerSecond} req/s`,
    });
    rows.push({
      scenario: '1 HTTP',
      measure: `${route.name} req/s, bare node:http`,
      unit: '',
      portal: null,
      baseline: node.requestsPerSecond,
      baselineName: 'node:http',
      generatorCpu: node.generatorCpu,
      void: node.generatorCpu >= GENERATOR_SATURATED,
    });
    const floor = results['empty Nest']![route.name]!;
    rows.push({
      scenario: '1 HTTP',
      measure: `${route.name} req/s, empty Nest app on express`,
      unit: '',
      portal: floor.requestsPerSecond,
      baseline: bare.requestsPerSecond,
      baselineName: 'express',
      ratio: ratio(floor.requestsPerSecond, bare.requestsPerSecond),
      generatorCpu: floor.generatorCpu,
      void: floor.generatorCpu >= GENERATOR_SATURATED,
      note: `the floor of a Nest app here: ${floor.serverCpuMsPerRequest} ms CPU per request`,
    });
    rows.push({
      scenario: '1 HTTP',
      measure: `${route.name} server CPU per request`,
      unit: 'ms',
      portal: portal.serverCpuMsPerRequest,
      baseline: bare.serverCpuMsPerRequest,
      baselineName: 'express',
      ratio: ratio(bare.serverCpuMsPerRequest, portal.serverCpuMsPerRequest),
    });
    rows.push({
      scenario: '1 HTTP',
      measure: `${route.name} p99 at ${Math.round(portal.requestsPerSecond / 2)}/s`,
      unit: 'ms',
      portal: portal.p99AtRateMs,
      baseline: bare.p99AtRateMs,
      baselineName: 'express',
      ratio: ratio(bare.p99AtRateMs, portal.p99AtRateMs),
    });
  });
  return { rows, details: results };
}

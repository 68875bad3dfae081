// `npm run bench [-- --quick] [-- --only=http,sockets,connections,history,upload]`: builds nothing itself (the npm
// script builds first), starts the built portal and the bare baselines against real PostgreSQL, drives them from
// this process, prints a table and writes bench/results/<timestamp>.json. Benchmarks report; they never fail CI.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Context } from './lib/context.js';
import { MachineMeter } from './lib/load.js';
import { cloneDatabase, databaseServer, dropDatabase } from './lib/db.js';
import { machine, type Row, table, writeResults } from './lib/report.js';
import { ensureTemplate, type SeedSizes } from './lib/seed.js';
import { connectionsScenario } from './scenarios/connections.js';
import { historyScenario } from './scenarios/history.js';
import { httpScenario } from './scenarios/http.js';
import { socketScenarios } from './scenarios/sockets.js';
import { uploadScenario } from './scenarios/upload.js';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const log = (line: string) => process.stderr.write(`${line}\n`);

const sizes: SeedSizes = quick
  ? { members: 1000, socketRooms: 50, historyRooms: 100, messagesPerRoom: 1000, documents: 2000 }
  : { members: 5000, socketRooms: 250, historyRooms: 1000, messagesPerRoom: 1000, documents: 20_000 };

const scenarios = {
  http: httpScenario,
  sockets: socketScenarios,
  connections: connectionsScenario,
  history: historyScenario,
  upload: uploadScenario,
} satisfies Record<string, (ctx: Context) => Promise<{ rows: Row[]; details: object }>>;

if (!existsSync('dist/apps/api/src/main.js')) {
  log('the portal is not built: run `npm run bench` (it builds first) or `npm run build`');
  process.exit(1);
}
const openFiles = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
if (openFiles < 2 * sizes.members + 1000) {
  log(`warning: open-file limit ${openFiles} is low for ${sizes.members} sockets (npm run bench raises it)`);
}

const startedAt = new Date();
const db = await databaseServer();
log(`PostgreSQL: ${db.embedded ? 'embedded (no DATABASE_URL)' : 'DATABASE_URL'}; ${quick ? 'quick' : 'full'} run`);
const rows: Row[] = [];
const details: Record<string, object> = {};
try {
  const template = await ensureTemplate(db.adminUrl, sizes, log);
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && !only.includes(name)) continue;
    const t0 = performance.now();
    log(`scenario ${name}`);
    // Each scenario on its own copy of the template: what one scenario writes (the sockets scenario sends tens of
    // thousands of messages into the socket rooms) must not change what the next one measures.
    const databaseUrl = await cloneDatabase(db.adminUrl, template);
    const ctx: Context = {
      quick,
      adminUrl: db.adminUrl,
      databaseUrl,
      sizes,
      log,
      seconds: (full, short) => (quick ? short : full),
    };
    const meter = new MachineMeter().start();
    try {
      const result = await run(ctx);
      rows.push(...result.rows);
      const machineCpu = meter.stop();
      details[name] = { ...result.details, machineCpu };
      if (machineCpu) {
        log(
          `  machine: ${Math.round(machineCpu.machineBusy * 100)}% of its CPU time busy, ${Math.round(machineCpu.steal * 100)}% stolen`,
        );
      }
    } catch (error) {
      log(`  scenario ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      details[name] = { error: String(error) };
    } finally {
      await dropDatabase(db.adminUrl, databaseUrl);
    }
    log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
} finally {
  await db.stop();
}

const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
process.stdout.write(`\n${table(rows)}\n\n`);
const file = writeResults({ startedAt, seconds, quick, machine: machine(), sizes, rows, details });
log(`${rows.length} figures in ${seconds} s; written to ${file}`);

// `npm run bench`: the measurements that exist so far, one after the other (the full harness with bare baselines,
// open-loop rates and HDR histograms is the benchmark issue's work). Needs DATABASE_URL and a built server.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error('npm run bench needs DATABASE_URL (a PostgreSQL server where it may create throw-away databases)');
  process.exit(1);
}
const quick = process.argv.includes('--quick');
const runs = [
  ['send-ack.mjs', quick ? ['10', '50'] : ['50', '100']],
  ['send-ack.mjs', quick ? ['10', '50', 'nojoin'] : ['50', '100', 'nojoin']],
  ['upload.mjs', quick ? ['50'] : ['300']],
];
for (const [script, args] of runs) {
  const result = spawnSync(process.execPath, [`bench/${script}`, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(`${script} ${args.join(' ')}: ${String(result.stdout).trim()}\n`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

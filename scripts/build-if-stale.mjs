// Builds the API and the web portal when their output is missing or older than their sources (used by `npm start`,
// the startup test and the browser tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ENTRY = 'dist/apps/api/src/main.js';
export const WEB_ENTRY = 'dist/web/index.html';

const targets = [
  {
    key: 'api',
    name: 'the API',
    output: ENTRY,
    sources: ['apps/api/src', 'libs/contracts/src', 'libs/database/src', 'migrations'],
    command: ['nest', 'build', 'api'],
  },
  {
    key: 'web',
    name: 'the web portal',
    output: WEB_ENTRY,
    sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contracts/src'],
    command: ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    // A production bundle even when called from tests (jest sets NODE_ENV=test, which would ship React's dev build).
    env: { NODE_ENV: 'production' },
  },
];

function newest(source) {
  const stat = statSync(source);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(source)) latest = Math.max(latest, newest(path.join(source, entry)));
  return latest;
}

/** Builds what is stale (or only `api` or `web`), in order (building the API empties dist/, so the web portal is checked after it). */
export function buildIfStale(only) {
  for (const target of targets.filter((candidate) => !only || candidate.key === only)) {
    const stale =
      !existsSync(target.output) || Math.max(...target.sources.map(newest)) > statSync(target.output).mtimeMs;
    if (!stale) continue;
    console.log(`Building ${target.name}…`);
    const status =
      spawnSync('npx', target.command, { stdio: 'inherit', env: { ...process.env, ...target.env } }).status ?? 1;
    if (status !== 0) return status;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(buildIfStale(process.argv[2]));

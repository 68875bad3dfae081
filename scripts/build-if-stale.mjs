// Builds the API and the web portal when their output is missing or older than their sources (used by `npm start`,
// the startup test and the browser tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ENTRY = 'dist/apps/api/src/main.js';
export const WEB_ENTRY = 'dist/web/index.html';

const targets = [
  {
    name: 'the API',
    output: ENTRY,
    sources: ['apps/api/src', 'libs/contracts/src', 'libs/database/src', 'migrations'],
    command: ['nest', 'build', 'api'],
  },
  {
    name: 'the web portal',
    output: WEB_ENTRY,
    sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contracts/src'],
    command: ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
  },
];

function newest(source) {
  const stat = statSync(source);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(source)) latest = Math.max(latest, newest(path.join(source, entry)));
  return latest;
}

/** Builds what is stale, in order (building the API empties dist/, so the web portal is checked after it). */
export function buildIfStale() {
  for (const target of targets) {
    const stale =
      !existsSync(target.output) || Math.max(...target.sources.map(newest)) > statSync(target.output).mtimeMs;
    if (!stale) continue;
    console.log(`Building ${target.name}…`);
    const status = spawnSync('npx', target.command, { stdio: 'inherit' }).status ?? 1;
    if (status !== 0) return status;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(buildIfStale());

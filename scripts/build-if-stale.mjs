// Builds the API when dist/ is missing or older than any TypeScript source (used by `npm start` and the startup test).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ENTRY = 'dist/apps/api/src/main.js';
const SOURCES = ['apps/api/src', 'libs/contracts/src', 'libs/database/src', 'migrations'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIfStale() {
  const stale = !existsSync(ENTRY) || Math.max(...SOURCES.map(newestSource)) > statSync(ENTRY).mtimeMs;
  if (!stale) return 0;
  console.log('Building the portal…');
  return spawnSync('npx', ['nest', 'build', 'api'], { stdio: 'inherit' }).status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(buildIfStale());

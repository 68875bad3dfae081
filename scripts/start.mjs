// `npm start`: builds the API when needed, then runs it in this process (signals reach it directly).
import { buildIfStale, ENTRY } from './build-if-stale.mjs';

const status = buildIfStale();
if (status !== 0) process.exit(status);
await import(`../${ENTRY}`);

// The extraction worker: a child process the API forks for each file to parse. It reads the file named in one IPC
// message, answers with the text (or the error) and exits. Memory and time are policed from outside by the pool,
// which kills this process; the guard thread below ends it if the API itself has died meanwhile.
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { ExtractionRefused } from './extraction-limits.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-protocol.js';
import { extractText } from './text-extractors.js';

/**
 * A busy parser blocks this process's event loop, so the orphan check runs on its own thread: an API killed outright
 * cannot kill its children, and they must not parse on for minutes unowned.
 */
function guardAgainstOrphaning(lifetimeMs: number): void {
  const guard = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => {
       if (process.ppid !== workerData.parent || Date.now() > workerData.deadline) process.kill(process.pid, 'SIGKILL');
     }, 250);`,
    { eval: true, workerData: { parent: process.ppid, deadline: Date.now() + lifetimeMs } },
  );
  guard.unref();
}

function reply(message: ExtractionReply): void {
  process.send!(message, () => process.exit(0));
}

process.once('message', (request: ExtractionRequest) => {
  guardAgainstOrphaning(request.lifetimeMs);
  void (async () => {
    try {
      const bytes = await readFile(request.file);
      reply({ ok: true, text: await extractText(request.mimeType, bytes, request.limits) });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      reply({ ok: false, refused: error instanceof ExtractionRefused, message });
    }
  })();
});

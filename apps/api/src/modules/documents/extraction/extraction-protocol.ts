import type { ExtractionLimits } from './extraction-limits.js';

/** What the API sends its extraction worker: one file, by path, and the limits to hold it to. */
export interface ExtractionRequest {
  file: string;
  mimeType: string;
  limits: ExtractionLimits;
  /** After this many milliseconds the worker ends itself, even if the API that started it is gone. */
  lifetimeMs: number;
}

/** The worker's one answer; `refused` marks a file stopped by a limit rather than by a parser error. */
export type ExtractionReply = { ok: true; text: string } | { ok: false; refused: boolean; message: string };

import type { Env } from '../../../config/env.validation.js';

/** What a parse may cost, checked inside the worker before and while the file is parsed. */
export interface ExtractionLimits {
  /** Total bytes the parsed parts of a file may decompress to: XML parts of a zip, non-image streams of a PDF. */
  maxUnzippedBytes: number;
  /** Largest compression ratio of one zip entry over 1 MiB (legitimate XML compresses about 5–30 times). */
  maxZipRatio: number;
  /** Entries of one zip archive. */
  maxZipEntries: number;
  /** Element nesting of any XML part. */
  maxXmlDepth: number;
  /** Pages of a PDF read (the rest are ignored). */
  maxPdfPages: number;
  /** Streams of one PDF. */
  maxPdfStreams: number;
  /** Characters of text kept per version. */
  maxChars: number;
}

/** How parses run: in child processes, a few at a time, each ended by the clock or by its memory. */
export interface ExtractionPoolOptions {
  concurrency: number;
  timeoutMs: number;
  memoryMb: number;
  limits: ExtractionLimits;
}

/** The pool's settings from the validated configuration (`env` reads one variable). */
export function extractionPoolOptions(env: <K extends keyof Env>(key: K) => Env[K]): ExtractionPoolOptions {
  return {
    concurrency: env('EXTRACTION_CONCURRENCY'),
    timeoutMs: env('EXTRACTION_TIMEOUT_MS'),
    memoryMb: env('EXTRACTION_MEMORY_MB'),
    limits: {
      maxUnzippedBytes: env('EXTRACTION_MAX_UNZIPPED_BYTES'),
      maxZipRatio: env('EXTRACTION_MAX_ZIP_RATIO'),
      maxZipEntries: env('EXTRACTION_MAX_ZIP_ENTRIES'),
      maxXmlDepth: env('EXTRACTION_MAX_XML_DEPTH'),
      maxPdfPages: env('EXTRACTION_MAX_PDF_PAGES'),
      maxPdfStreams: env('EXTRACTION_MAX_PDF_STREAMS'),
      maxChars: env('EXTRACTION_MAX_CHARS'),
    },
  };
}

/** A file refused because it would cost more than a limit allows (or cannot be checked); never retried. */
export class ExtractionRefused extends Error {
  override readonly name = 'ExtractionRefused';
}

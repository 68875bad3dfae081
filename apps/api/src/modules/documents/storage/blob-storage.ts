import type { Readable } from 'node:stream';

const FILE_KEY = /^[a-z0-9-]{1,100}(\.[a-z0-9]{1,10})?$/;

/** Checks a named file's key before any driver builds a path or an object key from it. */
export function fileKey(key: string): string {
  if (!FILE_KEY.test(key)) throw new Error('not a file key');
  return key;
}

/** An inclusive byte range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where document bytes live, content-addressed by SHA-256: the same bytes are stored once. Uploads are first
 * spooled to a local temporary file (hashed and sniffed there), then committed under their hash.
 */
export abstract class BlobStorage {
  /** Stores the spooled file under `sha256`; the temporary file is consumed. Idempotent and safe concurrently. */
  abstract commit(tempFile: string, sha256: string, size: number): Promise<void>;
  /** The blob's bytes, or a part of them. */
  abstract read(sha256: string, range?: ByteRange): Promise<Readable>;
  abstract exists(sha256: string): Promise<boolean>;
  /** Whether any blob is stored at all (a restore refuses a store that is not empty). */
  abstract hasAny(): Promise<boolean>;
  /**
   * Named files beside the blobs (under `files/`), written once from a stream and deleted when done with (e.g. a
   * member's data export). `key` is `[a-z0-9-]+` with an optional `.ext`; nothing else reaches the store.
   */
  abstract putFile(key: string, source: Readable): Promise<number>;
  abstract readFile(key: string): Promise<Readable>;
  /** Deletes the file; a missing one is no error. */
  abstract removeFile(key: string): Promise<void>;
  /** Human description for logs and the readiness of the driver. */
  abstract readonly name: string;
}

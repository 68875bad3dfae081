import type { Readable } from 'node:stream';

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
  /** Human description for logs and the readiness of the driver. */
  abstract readonly name: string;
}

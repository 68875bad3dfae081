import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { BlobStorage } from './storage/blob-storage.js';

/**
 * The file store (local disk or S3) as other features may use it: the bytes of a stored version by hash (for a
 * member's data export, which reads only versions that member uploaded) and named files of their own. Access
 * checks are the caller's: nothing here knows who asks.
 */
@Injectable()
export class DocumentFilesService {
  constructor(private readonly storage: BlobStorage) {}

  readBlob(sha256: string): Promise<Readable> {
    return this.storage.read(sha256);
  }

  /** Stores a stream under `key` (`[a-z0-9-]+` with an optional extension); answers its size in bytes. */
  putFile(key: string, source: Readable): Promise<number> {
    return this.storage.putFile(key, source);
  }

  readFile(key: string): Promise<Readable> {
    return this.storage.readFile(key);
  }

  removeFile(key: string): Promise<void> {
    return this.storage.removeFile(key);
  }
}

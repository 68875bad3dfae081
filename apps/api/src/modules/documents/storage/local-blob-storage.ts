import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStorage, type ByteRange, fileKey } from './blob-storage.js';

/** Blobs on local disk: `<root>/blobs/ab/cd/<sha256>`; the rename into place is atomic. */
export class LocalBlobStorage extends BlobStorage {
  readonly name = 'local';

  constructor(private readonly root: string) {
    super();
  }

  async commit(tempFile: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(tempFile, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // Two uploads of the same bytes at once both rename: the second replaces identical content atomically.
    await rename(tempFile, target);
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(sha256);
    await access(file);
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async hasAny(): Promise<boolean> {
    const entries = await readdir(path.join(this.root, 'blobs'), { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    return entries.some((entry) => entry.isFile());
  }

  /** Written beside its final name and renamed into place, so a reader never sees half a file. */
  async putFile(key: string, source: Readable): Promise<number> {
    const target = path.join(this.root, 'files', fileKey(key));
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await pipeline(source, createWriteStream(partial));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return (await stat(target)).size;
  }

  async readFile(key: string): Promise<Readable> {
    const file = path.join(this.root, 'files', fileKey(key));
    await access(file);
    return createReadStream(file);
  }

  async removeFile(key: string): Promise<void> {
    await rm(path.join(this.root, 'files', fileKey(key)), { force: true });
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.root, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

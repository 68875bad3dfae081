import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobStorage } from '../../modules/documents/storage/blob-storage.js';
import { Digest, type FilePart, filePartPath, sha256OfStream } from './manifest.js';

/** Files copied at once: enough to keep an S3 store busy, few enough for a small machine. */
const PARALLEL = 4;

async function eachLimited<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

export const filePath = (sha256: string): string => `files/${sha256.slice(0, 2)}/${sha256}`;

/**
 * Copies the stored files the snapshot names into `files/`. Blobs are content-addressed and never rewritten, so
 * copying them after the snapshot still gives exactly the bytes its rows refer to; each copy's SHA-256 and size
 * are checked against what the database recorded, so a damaged or missing stored file fails the backup.
 */
export async function copyFilesOut(
  storage: BlobStorage,
  files: { sha256: string; size: number }[],
  folder: string,
  progress: (line: string) => void,
): Promise<FilePart[]> {
  const parts: FilePart[] = [];
  await eachLimited(files, async (file, index) => {
    const relative = filePath(file.sha256);
    const target = path.join(folder, relative);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const digest = new Digest();
    let source;
    try {
      source = await storage.read(file.sha256);
    } catch (error) {
      throw new Error(`stored file ${file.sha256} cannot be read (${(error as Error).message})`, { cause: error });
    }
    await pipeline(source, digest, createWriteStream(target, { mode: 0o600 }));
    if (digest.hex() !== file.sha256 || digest.bytes !== file.size) {
      throw new Error(`stored file ${file.sha256} does not match the SHA-256 and size the database records`);
    }
    parts.push({ sha256: file.sha256, size: file.size, path: relative });
    if ((index + 1) % 500 === 0) progress(`files: ${index + 1} of ${files.length} copied`);
  });
  return parts.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

/**
 * Puts the backup's files into the store through the same driver the portal writes with (local disk or S3), then
 * reads each one back and checks its SHA-256.
 */
export async function copyFilesIn(
  storage: BlobStorage,
  files: FilePart[],
  folder: string,
  spoolDir: string,
  progress: (line: string) => void,
): Promise<void> {
  await mkdir(spoolDir, { recursive: true });
  await eachLimited(files, async (file, index) => {
    // `commit` consumes its file (a rename on local disk): hand it a copy, never the backup's own.
    const spooled = path.join(spoolDir, `restore-${randomBytes(8).toString('hex')}`);
    try {
      await copyFile(filePartPath(folder, file), spooled);
      await storage.commit(spooled, file.sha256, file.size);
    } finally {
      await rm(spooled, { force: true });
    }
    const stored = await sha256OfStream(await storage.read(file.sha256));
    if (stored.sha256 !== file.sha256) throw new Error(`stored file ${file.sha256} reads back different bytes`);
    if ((index + 1) % 500 === 0) progress(`files: ${index + 1} of ${files.length} restored`);
  });
}

import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';

export const MANIFEST = 'manifest.json';
/** `sha256sum` format, so `sha256sum -c manifest.json.sha256` checks the manifest by hand too. */
export const MANIFEST_CHECKSUM = 'manifest.json.sha256';
export const FORMAT = 'lcc-portal-backup';
export const FORMAT_VERSION = 1;

/** One table: its rows in PostgreSQL COPY text format, gzip-compressed. */
export interface TablePart {
  table: string;
  /** The columns in the order of the COPY data. */
  columns: string[];
  rows: number;
  /** Relative to the backup folder. */
  path: string;
  /** SHA-256 of the stored (compressed) part. */
  sha256: string;
  bytes: number;
}

export interface SequenceValue {
  sequence: string;
  lastValue: string;
  isCalled: boolean;
}

/** One stored document file, named by the SHA-256 of its bytes. */
export interface FilePart {
  sha256: string;
  size: number;
  path: string;
}

/** What `manifest.json` holds. No connection strings, bucket credentials or host names: only the data's facts. */
export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  /** When the database snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  appVersion: string;
  postgresVersion: string;
  migrations: {
    /** The last migration applied: the schema version of the data. */
    latest: string;
    /** Every applied migration, oldest first. */
    applied: string[];
  };
  database: { tables: TablePart[]; sequences: SequenceValue[] };
  files: { store: 'local' | 's3'; count: number; bytes: number; items: FilePart[] };
}

/** A backup that is incomplete or does not match its checksums: nothing is restored from it. */
export class DamagedBackupError extends Error {}

/** A pass-through stream that hashes and counts what flows through it. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.copy().digest('hex');
  }
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  return sha256OfStream(createReadStream(file));
}

export async function sha256OfStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(path.join(folder, MANIFEST), text, { mode: 0o600 });
  const digest = createHash('sha256').update(text).digest('hex');
  await writeFile(path.join(folder, MANIFEST_CHECKSUM), `${digest}  ${MANIFEST}\n`, { mode: 0o600 });
}

/** A part's path must stay inside the backup folder: the manifest names files, never anything above them. */
function partPath(folder: string, relative: string): string {
  if (!/^(database|files)\/[A-Za-z0-9_./-]+$/.test(relative) || relative.split('/').includes('..')) {
    throw new DamagedBackupError(`the manifest names an unexpected part path "${relative}"`);
  }
  return path.join(folder, relative);
}

export function tablePartPath(folder: string, part: TablePart): string {
  return partPath(folder, part.path);
}

export function filePartPath(folder: string, part: FilePart): string {
  return partPath(folder, part.path);
}

/**
 * Reads the manifest and checks the whole backup against it before anything is written anywhere: the manifest's
 * own checksum, then the SHA-256 and size of every table part and every file (a file's name is its SHA-256).
 * Throws `DamagedBackupError` naming the first part that does not match.
 */
export async function verifyBackup(
  folder: string,
  progress: (line: string) => void = () => undefined,
): Promise<BackupManifest> {
  const manifestFile = path.join(folder, MANIFEST);
  const checksumFile = path.join(folder, MANIFEST_CHECKSUM);
  if (!existsSync(manifestFile)) throw new DamagedBackupError(`${MANIFEST} is missing`);
  if (!existsSync(checksumFile)) throw new DamagedBackupError(`${MANIFEST_CHECKSUM} is missing`);
  const text = await readFile(manifestFile);
  const expected = (await readFile(checksumFile, 'utf8')).trim().split(/\s+/)[0];
  if (createHash('sha256').update(text).digest('hex') !== expected) {
    throw new DamagedBackupError(`${MANIFEST} does not match ${MANIFEST_CHECKSUM}`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text.toString('utf8')) as BackupManifest;
  } catch {
    throw new DamagedBackupError(`${MANIFEST} is not valid JSON`);
  }
  if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION) {
    throw new DamagedBackupError(`${MANIFEST} is not a backup of format ${FORMAT} ${FORMAT_VERSION}`);
  }
  for (const part of manifest.database.tables) {
    await expectPart(tablePartPath(folder, part), part.path, part.sha256, part.bytes);
  }
  progress(`database: ${manifest.database.tables.length} tables match their checksums`);
  let checked = 0;
  for (const file of manifest.files.items) {
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new DamagedBackupError(`a file entry has no valid SHA-256`);
    await expectPart(filePartPath(folder, file), file.path, file.sha256, file.size);
    if (++checked % 500 === 0) progress(`files: ${checked} of ${manifest.files.items.length} checked`);
  }
  progress(`files: ${manifest.files.items.length} match their checksums`);
  return manifest;
}

async function expectPart(file: string, name: string, sha256: string, bytes: number): Promise<void> {
  if (!existsSync(file)) throw new DamagedBackupError(`${name} is missing`);
  const actual = await sha256OfFile(file);
  if (actual.sha256 !== sha256 || actual.bytes !== bytes) {
    throw new DamagedBackupError(`${name} does not match its SHA-256 in the manifest`);
  }
}

import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dumpDatabase } from './backup/database-copy.js';
import { copyFilesOut } from './backup/file-copy.js';
import { appVersion, openInstallation } from './backup/installation.js';
import { type BackupManifest, FORMAT, FORMAT_VERSION, writeManifest } from './backup/manifest.js';

/**
 * `npm run backup [-- <folder>]`: writes `<folder>/lcc-<UTC time>/` (folder: the argument, else `BACKUP_DIR`) with
 * the database as one consistent snapshot (`database/<table>.copy.gz`), the stored files it refers to
 * (`files/<ab>/<sha256>`) and `manifest.json` with the SHA-256 of every part, row counts, the migration version,
 * the app version and the time. Works beside a running portal. See docs/operations.md.
 */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new Error('usage: npm run backup [-- <folder>]');
  const log = (line: string): void => console.error(line);
  const installation = await openInstallation(log);
  const parent = path.resolve(positionals[0] ?? installation.env.BACKUP_DIR);
  await mkdir(parent, { recursive: true, mode: 0o700 });
  // Written under a hidden name and renamed when complete: a folder named lcc-* is always a whole backup.
  const partial = path.join(parent, `.lcc-partial-${process.pid}-${Date.now()}`);
  try {
    log(`backing up ${installation.description}`);
    await mkdir(partial, { mode: 0o700 });
    const snapshot = await dumpDatabase(installation.client, partial);
    const rows = snapshot.tables.reduce((sum, table) => sum + table.rows, 0);
    log(`database: ${snapshot.tables.length} tables, ${rows} rows (snapshot ${snapshot.takenAt.toISOString()})`);
    const files = await copyFilesOut(installation.storage, snapshot.files, partial, log);
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    log(`files: ${files.length} (${bytes} bytes), each checked against its SHA-256`);
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: snapshot.takenAt.toISOString(),
      appVersion: appVersion(),
      postgresVersion: snapshot.postgresVersion,
      migrations: { latest: snapshot.migrations[snapshot.migrations.length - 1], applied: snapshot.migrations },
      database: { tables: snapshot.tables, sequences: snapshot.sequences },
      files: { store: installation.env.S3_BUCKET ? 's3' : 'local', count: files.length, bytes, items: files },
    };
    await writeManifest(partial, manifest);
    const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let folder = path.join(parent, `lcc-${stamp}`);
    for (let n = 2; existsSync(folder); n++) folder = path.join(parent, `lcc-${stamp}-${n}`);
    await rename(partial, folder);
    console.log(folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await installation.close();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

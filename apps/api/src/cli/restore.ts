import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@lcc/database';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { loadDatabase, tablesOf } from './backup/database-copy.js';
import { copyFilesIn } from './backup/file-copy.js';
import { openInstallation } from './backup/installation.js';
import { type BackupManifest, DamagedBackupError, verifyBackup } from './backup/manifest.js';

const USAGE = 'usage: npm run restore -- <backup folder> [--force] [--verify-only]';

/** Exit codes: a damaged backup and a target that is not empty are told apart from other failures. */
const EXIT_DAMAGED = 2;
const EXIT_NOT_EMPTY = 3;

class TargetNotEmptyError extends Error {}

/**
 * `npm run restore -- <backup folder>`: checks every part of the backup against its manifest first, then brings it
 * into an empty installation (the database and file store the environment configures, as `npm start` would use
 * them): files first, then the schema by the portal's own migrations up to the backup's version, then the rows in
 * one transaction. `--force` replaces a database or file store that is not empty; `--verify-only` stops after the
 * check. See docs/operations.md.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, 'verify-only': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const folder = path.resolve(positionals[0]);
  const log = (line: string): void => console.error(line);

  log(`checking ${folder}`);
  const manifest = await verifyBackup(folder, log);
  const migrations = migrationsUpTo(manifest);
  log(`backup of ${manifest.createdAt} (app ${manifest.appVersion}, schema ${manifest.migrations.latest}) is complete`);
  if (values['verify-only']) return;

  const installation = await openInstallation(log);
  try {
    log(`restoring into ${installation.description}`);
    const { client, storage } = installation;
    const tables = await tablesOf(client);
    const storedFiles = await storage.hasAny();
    if ((tables.length > 0 || storedFiles) && !values.force) {
      throw new TargetNotEmptyError(
        `the target is not empty (${tables.length > 0 ? `${tables.length} tables in the database` : 'files in the file store'}): ` +
          'restore into an empty database and file store, or pass --force to replace what is there',
      );
    }
    if (tables.length > 0) {
      log('--force: dropping every table of the target database');
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
    }

    // Spooled through the portal's upload folder (DATA_DIR/documents/tmp): on the file system of local blobs.
    await copyFilesIn(
      storage,
      manifest.files.items,
      folder,
      path.resolve(installation.env.DATA_DIR, 'documents', 'tmp'),
      log,
    );
    log(`files: ${manifest.files.items.length} restored and read back`);

    const dataSource = new DataSource(
      buildDataSourceOptions({ url: installation.url, entities: [], migrations, poolSize: 1 }),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await dataSource.destroy();
    }
    log(`schema: ${migrations.length} migrations, up to ${manifest.migrations.latest}`);

    await loadDatabase(client, folder, manifest.database.tables, manifest.database.sequences, log);
    const rows = manifest.database.tables.reduce((sum, table) => sum + table.rows, 0);
    log(`database: ${manifest.database.tables.length} tables, ${rows} rows restored; row counts match the manifest`);
    console.log(`restored ${folder}`);
  } finally {
    await installation.close();
  }
}

/**
 * The portal's migrations that built the backup's schema. A backup from a newer portal (a migration this version
 * does not know) is refused: restore it with that version, and start this one only after.
 */
function migrationsUpTo(manifest: BackupManifest): (typeof MIGRATIONS)[number][] {
  const known = MIGRATIONS.map((migration) => new migration().name ?? migration.name);
  const applied = manifest.migrations.applied;
  const mismatch = applied.findIndex((name, index) => known[index] !== name);
  if (mismatch >= 0) {
    throw new Error(
      `this backup's schema has migration ${applied[mismatch]}, which this portal version does not have at that ` +
        `place: restore it with app version ${manifest.appVersion} (or one that has its migrations)`,
    );
  }
  return MIGRATIONS.slice(0, applied.length);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DamagedBackupError) {
    console.error(`restore refused: the backup is damaged: ${message}. Nothing was changed.`);
    process.exit(EXIT_DAMAGED);
  }
  if (error instanceof TargetNotEmptyError) {
    console.error(`restore refused: ${message}. Nothing was changed.`);
    process.exit(EXIT_NOT_EMPTY);
  }
  console.error(`restore failed: ${message}`);
  process.exit(1);
});

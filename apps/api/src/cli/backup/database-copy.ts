import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { Digest, type SequenceValue, type TablePart, tablePartPath } from './manifest.js';

/** The portal's objects all live in the `public` schema (TypeORM's default; migrations create nothing elsewhere). */
const SCHEMA = 'public';

export interface DatabaseSnapshot {
  /** The snapshot's moment (the transaction's start). */
  takenAt: Date;
  postgresVersion: string;
  migrations: string[];
  tables: TablePart[];
  sequences: SequenceValue[];
  /** Every stored file the snapshot's document versions name, with its recorded size. */
  files: { sha256: string; size: number }[];
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The text formats COPY writes and reads depend on session settings: fix them on both sides (as pg_dump does), so
 * a server configured for another date order or time zone neither writes nor reads values differently. A backup
 * or restore may take long: no server-side timeout ends it.
 */
async function fixSession(client: pg.Client): Promise<void> {
  await client.query(
    "SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET TimeZone = 'UTC'; SET extra_float_digits = 3; " +
      "SET bytea_output = 'hex'; SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0",
  );
}

/**
 * Copies every table of the schema out of one REPEATABLE READ, READ ONLY transaction: one snapshot, so the tables
 * agree with each other (a message and its room, a document version and its file) whatever the portal writes
 * meanwhile. ACCESS SHARE locks keep a migration from changing a table until it is copied; reads and writes go on.
 */
export async function dumpDatabase(client: pg.Client, folder: string): Promise<DatabaseSnapshot> {
  await mkdir(path.join(folder, 'database'), { recursive: true, mode: 0o700 });
  await fixSession(client);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables = await tablesOf(client);
    if (tables.length === 0) throw new Error('the database has no tables: nothing to back up');
    await client.query(`LOCK TABLE ${tables.map(quote).join(', ')} IN ACCESS SHARE MODE`);
    const takenAt = (await client.query<{ now: Date }>('SELECT now()')).rows[0].now;
    const postgresVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
      .v;
    const migrations = tables.includes('typeorm_migrations')
      ? (await client.query<{ name: string }>('SELECT name FROM typeorm_migrations ORDER BY id')).rows.map(
          (r) => r.name,
        )
      : [];
    if (migrations.length === 0) throw new Error('the database has no applied migrations: is it the portal’s?');

    const parts: TablePart[] = [];
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const relative = `database/${table}.copy.gz`;
      const digest = new Digest();
      const source = client.query(copyStreams.to(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) TO STDOUT`));
      await pipeline(source, createGzip(), digest, createWriteStream(path.join(folder, relative), { mode: 0o600 }));
      parts.push({ table, columns, rows: source.rowCount, path: relative, sha256: digest.hex(), bytes: digest.bytes });
    }

    const sequences: SequenceValue[] = [];
    const names = await client.query<{ name: string }>(
      'SELECT sequencename AS name FROM pg_sequences WHERE schemaname = $1 ORDER BY sequencename',
      [SCHEMA],
    );
    for (const { name } of names.rows) {
      const value = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quote(name)}`,
      );
      sequences.push({ sequence: name, lastValue: value.rows[0].last_value, isCalled: value.rows[0].is_called });
    }

    const files = tables.includes('document_versions')
      ? (
          await client.query<{ sha256: string; size: string }>(
            'SELECT sha256, max(size)::text AS size FROM document_versions GROUP BY sha256 ORDER BY sha256',
          )
        ).rows.map((row) => ({ sha256: row.sha256.trim(), size: Number(row.size) }))
      : [];
    await client.query('COMMIT');
    return { takenAt, postgresVersion, migrations, tables: parts, sequences, files };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The base tables of the schema (not views, not partitioned parents), by name. */
export async function tablesOf(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [SCHEMA],
  );
  return result.rows.map((row) => row.name);
}

/** Stored columns in table order; generated columns are computed again on restore, so they are left out. */
async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`${quote(SCHEMA)}.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

/**
 * Loads the parts into a database whose schema the migrations just built, in one transaction: the foreign keys
 * are dropped, the tables emptied (migrations seed a few rows), every part copied in, the foreign keys added back
 * (which checks every reference again), the sequences set, and each table's row count compared with the manifest.
 * Any failure rolls everything back.
 */
export async function loadDatabase(
  client: pg.Client,
  folder: string,
  parts: TablePart[],
  sequences: SequenceValue[],
  progress: (line: string) => void,
): Promise<void> {
  const present = await tablesOf(client);
  const expected = parts.map((part) => part.table).sort();
  if (JSON.stringify(present) !== JSON.stringify(expected)) {
    const missing = expected.filter((t) => !present.includes(t));
    const extra = present.filter((t) => !expected.includes(t));
    throw new Error(
      `the migrated schema does not have the backup's tables (missing: ${missing.join(', ') || 'none'}; ` +
        `not in the backup: ${extra.join(', ') || 'none'})`,
    );
  }
  await fixSession(client);
  await client.query('BEGIN');
  try {
    for (const part of parts) {
      const columns = await columnsOf(client, part.table);
      if (JSON.stringify(columns) !== JSON.stringify(part.columns)) {
        throw new Error(`table ${part.table} has other columns than the backup's`);
      }
    }
    const foreignKeys = (
      await client.query<{ table: string; name: string; definition: string }>(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE n.nspname = $1 AND c.contype = 'f' ORDER BY c.conrelid::regclass::text, c.conname`,
        [SCHEMA],
      )
    ).rows;
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quote(key.name)}`);
    await client.query(`TRUNCATE ${parts.map((part) => quote(part.table)).join(', ')}`);
    // The backup holds what the tables' triggers derived (the words of messages): loading replays none of them.
    for (const part of parts) await client.query(`ALTER TABLE ${quote(part.table)} DISABLE TRIGGER USER`);
    for (const part of parts) {
      const target = client.query(
        copyStreams.from(`COPY ${quote(part.table)} (${part.columns.map(quote).join(', ')}) FROM STDIN`),
      );
      await pipeline(createReadStream(tablePartPath(folder, part)), createGunzip(), target);
      if (target.rowCount !== part.rows) {
        throw new Error(`table ${part.table}: ${target.rowCount} rows loaded, the manifest says ${part.rows}`);
      }
    }
    for (const part of parts) await client.query(`ALTER TABLE ${quote(part.table)} ENABLE TRIGGER USER`);
    progress(`database: ${parts.length} tables loaded, checking ${foreignKeys.length} foreign keys`);
    for (const key of foreignKeys) {
      await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    }
    for (const sequence of sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        `${quote(SCHEMA)}.${quote(sequence.sequence)}`,
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    for (const part of parts) {
      const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(part.table)}`);
      if (Number(count.rows[0].n) !== part.rows) {
        throw new Error(`table ${part.table}: ${count.rows[0].n} rows after loading, the manifest says ${part.rows}`);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

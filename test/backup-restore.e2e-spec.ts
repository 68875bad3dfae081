import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDatabase, dropDatabase } from '@lcc/database';
import type { TestMember } from '@lcc/testing';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { MIGRATIONS } from '../migrations/index.js';
import { sql } from './support/db.js';
import { TestS3Server } from './support/s3.js';
import { createTestApp, requireAdminUrl, TEST_ADMIN, type TestApp } from './support/test-app.js';

const SECRET = 'not-to-be-logged-7f3a';
const withPassword = (databaseUrl: string): string => {
  const url = new URL(databaseUrl);
  url.password = SECRET;
  return url.toString();
};

const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/esm/index.mjs')).href;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run backup|restore`'s program (from source) in a child process, against the given installation. */
function cli(program: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<CliResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL' && !name.startsWith('S3_')),
  );
  const child = spawn(process.execPath, ['--import', TSX, `apps/api/src/cli/${program}.ts`, ...args], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every table of the database with its row count. */
async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(
    databaseUrl,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((await sql<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "${name}"`))[0].n);
  }
  return counts;
}

/** Each room's message seqs, in order. */
async function roomSeqs(databaseUrl: string): Promise<Record<string, string[]>> {
  const rows = await sql<{ room_id: string; seqs: string[] }>(
    databaseUrl,
    'SELECT room_id, array_agg(seq::text ORDER BY seq) AS seqs FROM messages GROUP BY room_id ORDER BY room_id',
  );
  return Object.fromEntries(rows.map((row) => [row.room_id, row.seqs]));
}

/** The SHA-256 of every blob in a local file store, by file name. */
async function localBlobs(dataDir: string): Promise<Record<string, string>> {
  const root = path.join(dataDir, 'documents', 'blobs');
  if (!existsSync(root)) return {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    hashes[entry.name] = sha256(await readFile(path.join(entry.parentPath, entry.name)));
  }
  return hashes;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function flipOneByte(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, 10);
    byte[0] ^= 0xff;
    await handle.write(byte, 0, 1, 10);
  } finally {
    await handle.close();
  }
}

const download = async (t: TestApp, who: TestMember, id: string, version: number): Promise<string> => {
  const response = await t
    .http()
    .get(`/api/documents/${id}/download?version=${version}`)
    .set('Authorization', who.auth)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(response.status).toBe(200);
  return sha256(response.body as Buffer);
};

interface Portal {
  coordinator: TestMember;
  members: TestMember[];
  groupId: string;
  roomIds: string[];
  documents: { id: string; versions: string[] }[];
  cityId: string;
  meetingId: string;
}

/** Fills a portal through the real API: members, a group, messages in rooms, documents in versions, a city, a meeting. */
async function fill(t: TestApp): Promise<Portal> {
  const coordinator = await t.fx.member({ role: 'coordinator' });
  const members = [await t.fx.member(), await t.fx.member(), await t.fx.member()];
  const group = await t.fx.group(coordinator);
  for (const member of members) await t.fx.join(group, member);
  const topic = await t.fx.room(members[0], { memberIds: [members[1].id] });
  const roomIds = [group.roomId, topic.id];
  for (let i = 0; i < 12; i += 1) {
    await t.fx.message(members[i % 3], group.roomId, `Сообщение ${i}: 低碳城市 ${randomBytes(4).toString('hex')}`);
  }
  for (let i = 0; i < 5; i += 1) await t.fx.message(members[i % 2], topic.id, `topic message ${i}`);

  const documents: Portal['documents'] = [];
  for (const [index, uploader] of [coordinator, members[0]].entries()) {
    const contents = [0, 1, 2].map((v) =>
      Buffer.from(`v${v} of ${index}\n${randomBytes(40_000).toString('base64')}\n`),
    );
    const doc = await t.fx.document(uploader, { groupId: group.id, data: contents[0], title: `Plan ${index}` });
    for (const data of contents.slice(1)) {
      const response = await t
        .http()
        .post(`/api/documents/${doc.id}/versions`)
        .set('Authorization', uploader.auth)
        .attach('file', data, { filename: 'plan.txt', contentType: 'text/plain' });
      expect(response.status).toBe(201);
    }
    documents.push({ id: doc.id, versions: contents.map(sha256) });
  }

  const city = await t
    .http()
    .post('/api/cities')
    .set('Authorization', coordinator.auth)
    .send({ nameEn: 'Darkhan', country: 'MN' });
  expect(city.status).toBe(201);
  const meeting = await t.fx.meeting(coordinator, group.id);
  return { coordinator, members, groupId: group.id, roomIds, documents, cityId: city.body.id, meetingId: meeting.id };
}

/** Downloads every version of every document and checks its SHA-256 (each download is recorded). */
async function checkDownloads(t: TestApp, portal: Portal, who: TestMember): Promise<void> {
  for (const doc of portal.documents) {
    for (const [index, expected] of doc.versions.entries()) {
      expect(await download(t, who, doc.id, index + 1)).toBe(expected);
    }
  }
}

/** What members see through the API, for comparing a portal before and after its restore. */
async function readThroughApi(t: TestApp, portal: Portal, as: TestMember[]): Promise<unknown> {
  const [coordinator, reader] = as;
  const get = async (who: TestMember, url: string) => {
    const response = await t.http().get(url).set('Authorization', who.auth);
    expect([url, response.status]).toEqual([url, 200]);
    return response.body as unknown;
  };
  const reads: Record<string, unknown> = {};
  for (const roomId of portal.roomIds) reads[`room ${roomId}`] = await get(reader, `/api/rooms/${roomId}/messages`);
  for (const doc of portal.documents) {
    reads[`document ${doc.id}`] = await get(coordinator, `/api/documents/${doc.id}`);
    reads[`versions ${doc.id}`] = await get(coordinator, `/api/documents/${doc.id}/versions`);
  }
  reads.group = await get(reader, `/api/working-groups/${portal.groupId}/members`);
  reads.city = await get(reader, `/api/cities/${portal.cityId}`);
  reads.meeting = await get(coordinator, `/api/meetings/${portal.meetingId}`);
  reads.directory = await get(reader, '/api/members');
  return reads;
}

/** The drill: fill, back up, wipe, restore into a new database and file store, start the portal on them, compare. */
describe('backup and restore (local file store; external PostgreSQL, then the embedded default)', () => {
  const adminUrl = requireAdminUrl();
  let source: TestApp | undefined;
  let restored: TestApp | undefined;
  const databases: string[] = [];
  const folders: string[] = [];
  const folder = async (prefix: string) => {
    const made = await mkdtemp(path.join(tmpdir(), prefix));
    folders.push(made);
    return made;
  };

  let sourceDir: string;
  let backupParent: string;
  let backup: string;
  let portal: Portal;
  let before: { counts: Record<string, number>; seqs: Record<string, string[]>; blobs: Record<string, string> };
  let apiBefore: unknown;

  beforeAll(async () => {
    sourceDir = await folder('lcc-backup-source-');
    backupParent = await folder('lcc-backups-');
    source = await createTestApp({ env: { DATA_DIR: sourceDir } });
    databases.push(source.databaseUrl);
    portal = await fill(source);
    await source.app.get(ExtractionService).drain();
  }, 180_000);

  afterAll(async () => {
    await source?.stop();
    await restored?.stop();
    for (const url of databases) await dropDatabase(adminUrl, url);
    for (const made of folders) await rm(made, { recursive: true, force: true });
  });

  it('backs up the running portal: one folder with a manifest of checksums, row counts and versions', async () => {
    const t = source!;
    const coordinator = portal.coordinator;
    // Downloads are recorded (and counted in what the API shows): download first, then read and count.
    await checkDownloads(t, portal, coordinator);
    apiBefore = await readThroughApi(t, portal, [coordinator, portal.members[0]]);
    before = {
      counts: await rowCounts(t.databaseUrl),
      seqs: await roomSeqs(t.databaseUrl),
      blobs: await localBlobs(sourceDir),
    };
    expect(Object.keys(before.blobs)).toHaveLength(6);

    // The test server trusts local connections, so a password in the URL is sent and ignored: it must not show up.
    const result = await cli('backup', [backupParent], {
      DATABASE_URL: withPassword(t.databaseUrl),
      DATA_DIR: sourceDir,
    });
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
    backup = result.stdout.trim();
    expect(path.dirname(backup)).toBe(backupParent);
    expect(path.basename(backup)).toMatch(/^lcc-\d{8}T\d{6}Z$/);
    expect(result.stdout + result.stderr).not.toContain(SECRET);

    const manifestText = await readFile(path.join(backup, 'manifest.json'), 'utf8');
    expect(manifestText).not.toMatch(/postgres:\/\/|127\.0\.0\.1/);
    expect(manifestText).not.toContain(SECRET);
    const manifest = JSON.parse(manifestText);
    expect(manifest).toMatchObject({
      format: 'lcc-portal-backup',
      appVersion: JSON.parse(await readFile('package.json', 'utf8')).version,
      migrations: { latest: MIGRATIONS[MIGRATIONS.length - 1]!.name },
      files: { store: 'local', count: 6 },
    });
    expect(manifest.postgresVersion).toMatch(/^\d+/);
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(120_000);
    expect(
      Object.fromEntries(manifest.database.tables.map((p: { table: string; rows: number }) => [p.table, p.rows])),
    ).toEqual(before.counts);
    for (const part of manifest.database.tables) {
      expect(sha256(await readFile(path.join(backup, part.path)))).toBe(part.sha256);
    }
    expect(manifest.files.items.map((f: { sha256: string }) => f.sha256).sort()).toEqual(
      Object.keys(before.blobs).sort(),
    );
    const checksum = (await readFile(path.join(backup, 'manifest.json.sha256'), 'utf8')).split(' ')[0];
    expect(checksum).toBe(sha256(Buffer.from(manifestText)));
  }, 120_000);

  it('refuses a damaged backup before writing anything', async () => {
    const damages = ['a stored file', 'a table part', 'the manifest'] as const;
    for (const damage of damages) {
      const copy = path.join(await folder('lcc-damaged-'), 'backup');
      await cp(backup, copy, { recursive: true });
      const manifest = JSON.parse(await readFile(path.join(copy, 'manifest.json'), 'utf8'));
      const part: string =
        damage === 'a stored file'
          ? manifest.files.items[0].path
          : damage === 'a table part'
            ? manifest.database.tables.find((p: { table: string }) => p.table === 'messages').path
            : 'manifest.json';
      await flipOneByte(path.join(copy, part));

      const target = await createDatabase(adminUrl, 'lcc_restore');
      databases.push(target);
      const dataDir = await folder('lcc-restore-damaged-');
      const result = await cli('restore', [copy], { DATABASE_URL: target, DATA_DIR: dataDir });
      expect([damage, result.code]).toEqual([damage, 2]);
      expect(result.stderr).toContain(
        damage === 'the manifest'
          ? 'the backup is damaged: manifest.json does not match manifest.json.sha256'
          : `the backup is damaged: ${part} does not match its SHA-256 in the manifest`,
      );
      expect(await rowCounts(target)).toEqual({});
      expect(await readdir(dataDir)).toEqual([]);
    }
  }, 120_000);

  it('restores into a new database and file store after the old ones are wiped; the portal reads the same', async () => {
    await source!.stop();
    await dropDatabase(adminUrl, source!.databaseUrl);
    await rm(sourceDir, { recursive: true, force: true });

    const target = await createDatabase(adminUrl, 'lcc_restore');
    databases.push(target);
    const dataDir = await folder('lcc-restore-');
    const result = await cli('restore', [backup], { DATABASE_URL: withPassword(target), DATA_DIR: dataDir });
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining('row counts match the manifest')]);
    expect(result.stdout + result.stderr).not.toContain(SECRET);

    expect(await rowCounts(target)).toEqual(before.counts);
    expect(await roomSeqs(target)).toEqual(before.seqs);
    expect(await localBlobs(dataDir)).toEqual(before.blobs);
    for (const [name, hash] of Object.entries(before.blobs)) expect(hash).toBe(name);

    // A second restore into the now filled installation is refused and changes nothing.
    const again = await cli('restore', [backup], { DATABASE_URL: target, DATA_DIR: dataDir });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('the target is not empty');
    expect(await rowCounts(target)).toEqual(before.counts);

    restored = await createTestApp({ databaseUrl: target, env: { DATA_DIR: dataDir } });
    // Everyone signs in with the password they had.
    const admin = await restored.fx.login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(admin.id).toBeTruthy();
    const coordinator = await restored.fx.login(portal.coordinator.email, portal.coordinator.password);
    const members = [];
    for (const member of portal.members) members.push(await restored.fx.login(member.email, member.password));
    expect(members.map((m) => m.id)).toEqual(portal.members.map((m) => m.id));
    expect(await readThroughApi(restored, portal, [coordinator, members[0]])).toEqual(apiBefore);
    await checkDownloads(restored, portal, coordinator);

    // The restored portal keeps working: the next message of a room follows the restored seqs without a gap.
    const next = await restored.fx.message(members[0], portal.roomIds[0], 'after the restore');
    const seqs = before.seqs[portal.roomIds[0]];
    expect(next.seq).toBe(Number(seqs[seqs.length - 1]) + 1);
  }, 180_000);

  it('restores into the embedded default (no DATABASE_URL) and backs that up again', async () => {
    const dataDir = await folder('lcc-restore-embedded-');
    const again = await folder('lcc-backups-embedded-');
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const restore = await cli('restore', [backup], env);
    expect([restore.code, restore.stderr]).toEqual([0, expect.stringContaining('embedded PostgreSQL')]);
    expect(await localBlobs(dataDir)).toEqual(before.blobs);

    const second = await cli('backup', [again], env);
    expect([second.code, second.stderr]).toEqual([0, expect.stringContaining('embedded PostgreSQL')]);
    const [first, copy] = await Promise.all(
      [backup, second.stdout.trim()].map(async (made) =>
        JSON.parse(await readFile(path.join(made, 'manifest.json'), 'utf8')),
      ),
    );
    const rows = (manifest: { database: { tables: { table: string; rows: number }[] } }) =>
      Object.fromEntries(manifest.database.tables.map((part) => [part.table, part.rows]));
    expect(rows(copy)).toEqual(rows(first));
    expect(copy.database.sequences).toEqual(first.database.sequences);
    expect(copy.files.items).toEqual(first.files.items);
    expect(copy.migrations).toEqual(first.migrations);
  }, 180_000);
});

/** The same round trip with documents in an S3-compatible store (s3rver, a real S3-protocol server, in-process). */
describe('backup and restore (S3 file store)', () => {
  const adminUrl = requireAdminUrl();
  let s3: TestS3Server;
  const folders: string[] = [];
  const databases: string[] = [];
  const apps: TestApp[] = [];

  beforeAll(async () => {
    s3 = await new TestS3Server().start();
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await s3.close();
    for (const url of databases) await dropDatabase(adminUrl, url);
    for (const made of folders) await rm(made, { recursive: true, force: true });
  });

  it('copies the files out of one bucket and into an empty other one', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-backup-s3-data-'));
    const backupParent = await mkdtemp(path.join(tmpdir(), 'lcc-backups-s3-'));
    folders.push(dataDir, backupParent);
    const source = await createTestApp({ env: { DATA_DIR: dataDir, ...s3.env('lcc-source') } });
    apps.push(source);
    databases.push(source.databaseUrl);
    const uploader = await source.fx.member();
    const contents = [0, 1].map((v) => Buffer.from(`version ${v}\n${randomBytes(20_000).toString('base64')}`));
    const doc = await source.fx.document(uploader, { data: contents[0] });
    const second = await source
      .http()
      .post(`/api/documents/${doc.id}/versions`)
      .set('Authorization', uploader.auth)
      .attach('file', contents[1], { filename: 'notes.txt', contentType: 'text/plain' });
    expect(second.status).toBe(201);
    await source.app.get(ExtractionService).drain();
    const counts = await rowCounts(source.databaseUrl);

    const made = await cli('backup', [backupParent], {
      DATABASE_URL: source.databaseUrl,
      DATA_DIR: dataDir,
      ...s3.env('lcc-source'),
    });
    expect([made.code, made.stderr]).toEqual([0, expect.any(String)]);
    expect(made.stderr).not.toContain('S3RVER');
    const backup = made.stdout.trim();
    const manifestText = await readFile(path.join(backup, 'manifest.json'), 'utf8');
    expect(manifestText).not.toContain('S3RVER');
    expect(JSON.parse(manifestText).files).toMatchObject({ store: 's3', count: 2 });
    await source.stop();

    const target = await createDatabase(adminUrl, 'lcc_restore');
    databases.push(target);
    const targetDir = await mkdtemp(path.join(tmpdir(), 'lcc-restore-s3-'));
    folders.push(targetDir);
    const result = await cli('restore', [backup], {
      DATABASE_URL: target,
      DATA_DIR: targetDir,
      ...s3.env('lcc-target'),
    });
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining('row counts match the manifest')]);
    expect(await rowCounts(target)).toEqual(counts);

    const restored = await createTestApp({
      databaseUrl: target,
      env: { DATA_DIR: targetDir, ...s3.env('lcc-target') },
    });
    apps.push(restored);
    const again = await restored.fx.login(uploader.email, uploader.password);
    for (const [index, data] of contents.entries()) {
      expect(await download(restored, again, doc.id, index + 1)).toBe(sha256(data));
    }
  }, 180_000);
});

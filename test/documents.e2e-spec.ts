import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import type { TestMember } from '@lcc/testing';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import { textPdf } from './support/files.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MAX_BYTES = 3 * 1024 * 1024;

// ---- Real files, generated here ----------------------------------------------------------------------------

function ooxml(main: string, contentType: string, files: Record<string, string>): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${contentType}"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
      ),
      ...Object.fromEntries(Object.entries(files).map(([name, body]) => [name, strToU8(body)])),
    }),
  );
}

const docx = (text: string) =>
  ooxml('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', {
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
const xlsx = () =>
  ooxml('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', {
    'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  });
const pptx = () =>
  ooxml('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', {
    'ppt/presentation.xml': '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  });
const odf = (mime: string) =>
  Buffer.from(
    zipSync({ mimetype: [strToU8(mime), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') }),
  );
const zip = () => Buffer.from(zipSync({ 'inventory.csv': strToU8('sector,tCO2e\nenergy,1200\n') }));
const png = () =>
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d6f80b0000000049454e44ae426082',
    'hex',
  );
const jpeg = () =>
  Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(64, 1),
    Buffer.from('ffd9', 'hex'),
  ]);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('documents: upload, storage, versions, download, visibility, search', () => {
  let t: TestApp;
  let dataDir: string;
  let coordinator: TestMember;
  let lead: TestMember;
  let insider: TestMember;
  let outsider: TestMember;
  let groupId: string;

  const upload = (
    by: TestMember | null,
    fields: Record<string, string>,
    file: { name: string; data: Buffer } | null,
    url = '/api/documents',
  ) => {
    const req = t.http().post(url);
    if (by) req.set('Authorization', by.auth);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    if (file) req.attach('file', file.data, { filename: file.name, contentType: 'application/octet-stream' });
    return req;
  };
  const download = (id: string, by: TestMember | null, query = '') => {
    const req = t
      .http()
      .get(`/api/documents/${id}/download${query}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (by) req.set('Authorization', by.auth);
    return req;
  };
  const get = (url: string, by: TestMember | null) => {
    const req = t.http().get(url);
    if (by) req.set('Authorization', by.auth);
    return req;
  };
  const drain = () => t.app.get(ExtractionService).drain();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-docs-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
    coordinator = await t.fx.member({ role: 'coordinator' });
    lead = await t.fx.member({ displayName: 'Group Lead' });
    insider = await t.fx.member({ displayName: 'Group Insider' });
    outsider = await t.fx.member({ displayName: 'Outsider' });
    const group = await t.fx.group(coordinator, {
      name: 'Low-Carbon Cities',
      thematicArea: 'low_carbon_cities',
      visibility: 'public',
    });
    groupId = group.id;
    await t.fx.addMember(group, lead, { role: 'lead' });
    await t.fx.addMember(group, insider);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 401 without a token on member-only routes and 404 to anonymous visitors on unknown ids', async () => {
    const id = UNKNOWN_ID;
    for (const call of [
      t.http().post('/api/documents'),
      t.http().patch(`/api/documents/${id}`),
      t.http().delete(`/api/documents/${id}`),
      t.http().post(`/api/documents/${id}/restore`),
      t.http().post(`/api/documents/${id}/versions`),
      t.http().get(`/api/documents/${id}/downloads`),
    ]) {
      expect((await call).status).toBe(401);
    }
    for (const url of [`/api/documents/${id}`, `/api/documents/${id}/versions`, `/api/documents/${id}/download`]) {
      expect((await t.http().get(url)).body.code).toBe('DOCUMENT_NOT_FOUND');
    }
    expect((await t.http().get('/api/documents/not-a-uuid')).status).toBe(400);
  });

  it('round-trips every allowed type byte for byte, stores the bytes once under their hash and the metadata', async () => {
    const files: [string, Buffer, string][] = [
      ['低碳城市发展战略.pdf', textPdf(['北京市低碳城市发展战略']), 'application/pdf'],
      ['plan.docx', docx('Action plan'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['inventory.xlsx', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['slides.pptx', pptx(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['report.odt', odf('application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
      [
        'data.ods',
        odf('application/vnd.oasis.opendocument.spreadsheet'),
        'application/vnd.oasis.opendocument.spreadsheet',
      ],
      [
        'deck.odp',
        odf('application/vnd.oasis.opendocument.presentation'),
        'application/vnd.oasis.opendocument.presentation',
      ],
      ['emissions.csv', Buffer.from('sector,tCO2e\nenergy,1200\n'), 'text/csv; charset=utf-8'],
      ['notes.txt', Buffer.from('Plain notes\n'), 'text/plain; charset=utf-8'],
      ['README.md', Buffer.from('# Стратегия\n'), 'text/markdown; charset=utf-8'],
      ['map.png', png(), 'image/png'],
      ['photo.jpg', jpeg(), 'image/jpeg'],
      ['bundle.zip', zip(), 'application/zip'],
    ];
    for (const [name, data, contentType] of files) {
      const created = await upload(
        insider,
        {
          title: `File ${name}`,
          kind: 'report',
          language: 'en',
          country: 'MN',
          city: 'Ulaanbaatar',
          year: '2030',
          tags: 'energy, buildings',
        },
        { name, data },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: `File ${name}`,
        visibility: 'network',
        tags: ['energy', 'buildings'],
        year: 2030,
        uploadedBy: { id: insider.id },
        latestVersion: { number: 1, fileName: name, size: data.length, sha256: sha256(data) },
        canEdit: true,
      });
      const res = await download(created.body.id, outsider);
      expect([name, res.status]).toEqual([name, 200]);
      expect(sha256(res.body as Buffer)).toBe(sha256(data));
      expect(res.headers['content-type']).toBe(contentType);
      expect(res.headers['etag']).toBe(`"${sha256(data)}"`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      const blob = path.join(
        dataDir,
        'documents',
        'blobs',
        sha256(data).slice(0, 2),
        sha256(data).slice(2, 4),
        sha256(data),
      );
      expect(await listFiles(path.dirname(blob))).toContain(blob);
    }
    const [row] = await sql(
      t.databaseUrl,
      `SELECT d.kind, d.country, d.city, d.year, d.tags, v.mime_type, v.size, v.sha256 FROM documents d
         JOIN document_versions v ON v.document_id = d.id WHERE d.title = 'File plan.docx'`,
    );
    expect(row).toMatchObject({
      kind: 'report',
      country: 'MN',
      city: 'Ulaanbaatar',
      year: 2030,
      tags: ['energy', 'buildings'],
    });
    expect(await listFiles(path.join(dataDir, 'documents', 'tmp'))).toEqual([]);
  });

  it('refuses bad metadata with field details, spoofed and forbidden types with 415, and too large files with 413, leaving no trace', async () => {
    const countRows = async () => (await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM document_versions'))[0]!.n;
    const blobsBefore = await listFiles(path.join(dataDir, 'documents', 'blobs'));
    const rowsBefore = await countRows();

    const bad = await upload(
      insider,
      { title: '', kind: 'novel', year: '1700', country: 'XX', visibility: 'secret', extra: '1' },
      { name: 'a.txt', data: Buffer.from('x') },
    );
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['title', 'kind', 'year', 'country', 'visibility', 'extra']),
    );
    const noGroup = await upload(
      insider,
      { title: 'T', kind: 'report', visibility: 'group' },
      { name: 'a.txt', data: Buffer.from('x') },
    );
    expect(noGroup.body.details).toEqual([{ field: 'workingGroupId', message: expect.any(String) }]);
    expect((await upload(insider, { title: 'T', kind: 'report' }, null)).body.details[0].field).toBe('file');
    const json = await t.http().post('/api/documents').set('Authorization', insider.auth).send({ title: 'T' });
    expect([json.status, json.body.code]).toEqual([415, 'MULTIPART_REQUIRED']);

    const cases: [string, Buffer, string][] = [
      ['strategy.pdf', png(), 'FILE_TYPE_MISMATCH'],
      ['plan.docx', zip(), 'FILE_TYPE_MISMATCH'],
      ['notes.txt', textPdf(['x']), 'FILE_TYPE_MISMATCH'],
      ['page.html', Buffer.from('<html></html>'), 'UNSUPPORTED_FILE_TYPE'],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'UNSUPPORTED_FILE_TYPE'],
      ['disguised.txt', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'UNSUPPORTED_FILE_TYPE'],
      ['run.sh.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'UNSUPPORTED_FILE_TYPE'],
      ['tool.exe', Buffer.from('MZ\x90\x00'), 'UNSUPPORTED_FILE_TYPE'],
      [
        'binary.txt',
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff]),
        'FILE_TYPE_MISMATCH',
      ],
      ['latin1.csv', Buffer.from([0x61, 0x2c, 0xe9, 0x0a]), 'UNSUPPORTED_FILE_TYPE'],
    ];
    for (const [name, data, code] of cases) {
      const res = await upload(insider, { title: 'Spoof', kind: 'other' }, { name, data });
      expect([name, res.status, res.body.code]).toEqual([name, 415, code]);
    }
    const big = Buffer.alloc(MAX_BYTES + 1, 0x61);
    const tooLarge = await upload(insider, { title: 'Big', kind: 'dataset' }, { name: 'big.txt', data: big });
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'FILE_TOO_LARGE']);

    expect(await countRows()).toBe(rowsBefore);
    expect(await listFiles(path.join(dataDir, 'documents', 'blobs'))).toEqual(blobsBefore);
    expect(await listFiles(path.join(dataDir, 'documents', 'tmp'))).toEqual([]);
  });

  it('keeps original names for display only: path traversal and control characters are stripped', async () => {
    const res = await upload(
      insider,
      { title: 'Traversal', kind: 'other' },
      { name: '../../etc/pass\twd\u202e.txt', data: Buffer.from('safe') },
    );
    expect(res.status).toBe(201);
    expect(res.body.latestVersion.fileName).toBe('passwd.txt');
    const cjk = await upload(
      insider,
      { title: 'CJK name', kind: 'other' },
      { name: '東京 "計画" 2030.md', data: Buffer.from('# 計画') },
    );
    const dl = await download(cjk.body.id, insider);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="__ ____ 2030.md"; filename*=UTF-8''${encodeURIComponent('東京 "計画" 2030.md')}`,
    );
  });

  it('stores the same bytes once when uploaded concurrently', async () => {
    const data = Buffer.from(`same bytes ${Date.now()}\n`);
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => upload(insider, { title: `Copy ${n}`, kind: 'other' }, { name: `copy${n}.txt`, data })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const hash = sha256(data);
    expect(await listFiles(path.join(dataDir, 'documents', 'blobs', hash.slice(0, 2), hash.slice(2, 4)))).toEqual([
      path.join(dataDir, 'documents', 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash),
    ]);
    const rows = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM document_versions WHERE sha256 = $1', [hash]);
    expect(rows[0]!.n).toBe(4);
  });

  it('serves ranges (206), revalidation (304) and refuses ranges outside the file (416); records downloads', async () => {
    const data = Buffer.from('0123456789abcdefghij');
    const created = await upload(lead, { title: 'Ranges', kind: 'dataset' }, { name: 'r.txt', data });
    const id = created.body.id;
    await download(id, insider).set('Range', 'bytes=0-');
    const part = await download(id, insider).set('Range', 'bytes=5-9');
    expect(part.status).toBe(206);
    expect((part.body as Buffer).toString()).toBe('56789');
    expect(part.headers['content-range']).toBe('bytes 5-9/20');
    const suffix = await download(id, insider).set('Range', 'bytes=-3');
    expect((suffix.body as Buffer).toString()).toBe('hij');
    const notModified = await download(id, insider).set('If-None-Match', `"${sha256(data)}"`);
    expect(notModified.status).toBe(304);
    const outside = await t
      .http()
      .get(`/api/documents/${id}/download`)
      .set('Authorization', insider.auth)
      .set('Range', 'bytes=50-60');
    expect([outside.status, outside.body.code, outside.headers['content-range']]).toEqual([
      416,
      'RANGE_NOT_SATISFIABLE',
      'bytes */20',
    ]);
    await download(id, outsider);
    // A download is recorded just after its last byte has left: wait for the second one.
    for (let tries = 0; tries < 200; tries += 1) {
      if ((await get(`/api/documents/${id}`, insider)).body.downloadCount >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }

    const log = await get(`/api/documents/${id}/downloads`, lead);
    expect(log.status).toBe(200);
    // Bodies from byte 0 count; ranges from further on (resumptions), the 304 and the 416 do not.
    expect(log.body.items.map((i: { member: { id: string } }) => i.member.id)).toEqual([outsider.id, insider.id]);
    expect(log.body.items[0].versionNumber).toBe(1);
    expect((await get(`/api/documents/${id}`, insider)).body.downloadCount).toBe(2);
    expect((await get(`/api/documents/${id}/downloads`, insider)).body.code).toBe('DOWNLOADS_FORBIDDEN');
    expect((await get(`/api/documents/${id}/downloads`, coordinator)).status).toBe(200);
  });

  it('adds versions: the document shows the latest, every version stays downloadable', async () => {
    const v1 = Buffer.from('first draft\n');
    const v2 = Buffer.from('revised strategy\n');
    const created = await upload(
      insider,
      { title: 'Versioned', kind: 'strategy', workingGroupId: groupId },
      { name: 'draft.txt', data: v1 },
    );
    const id = created.body.id;
    expect((await upload(outsider, {}, { name: 'x.txt', data: v2 }, `/api/documents/${id}/versions`)).body.code).toBe(
      'DOCUMENT_EDIT_FORBIDDEN',
    );
    expect(
      (await upload(insider, { title: 'x' }, { name: 'x.txt', data: v2 }, `/api/documents/${id}/versions`)).status,
    ).toBe(400);
    const added = await upload(lead, {}, { name: 'final.txt', data: v2 }, `/api/documents/${id}/versions`);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      number: 2,
      fileName: 'final.txt',
      sha256: sha256(v2),
      uploadedBy: { id: lead.id },
    });
    const doc = await get(`/api/documents/${id}`, outsider);
    expect(doc.body).toMatchObject({ versionCount: 2, latestVersion: { number: 2, fileName: 'final.txt' } });
    const versions = await get(`/api/documents/${id}/versions?limit=1`, outsider);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([2]);
    const next = await get(`/api/documents/${id}/versions?limit=1&cursor=${versions.body.nextCursor}`, outsider);
    expect(next.body).toMatchObject({
      items: [{ number: 1, sha256: sha256(v1), uploadedBy: { id: insider.id } }],
      nextCursor: null,
    });
    expect((await download(id, outsider)).body.toString()).toBe(v2.toString());
    expect((await download(id, outsider, '?version=1')).body.toString()).toBe(v1.toString());
    expect(
      (await t.http().get(`/api/documents/${id}/download?version=3`).set('Authorization', outsider.auth)).body.code,
    ).toBe('DOCUMENT_VERSION_NOT_FOUND');
  });

  it('edits metadata (uploader, lead, coordinator), soft-deletes and restores (coordinator)', async () => {
    const created = await upload(
      insider,
      { title: 'Editable', kind: 'policy', workingGroupId: groupId, visibility: 'group' },
      { name: 'e.txt', data: Buffer.from('e') },
    );
    const id = created.body.id;
    expect(
      (await t.http().patch(`/api/documents/${id}`).set('Authorization', outsider.auth).send({ title: 'x' })).status,
    ).toBe(404);
    const bad = await t
      .http()
      .patch(`/api/documents/${id}`)
      .set('Authorization', insider.auth)
      .send({ kind: 'novel', owner: 1, title: null });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['kind', 'owner']));
    const patched = await t
      .http()
      .patch(`/api/documents/${id}`)
      .set('Authorization', lead.auth)
      .send({ title: 'Edited by the lead', tags: ['mobility'], year: 2031, visibility: 'network' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Edited by the lead',
      tags: ['mobility'],
      year: 2031,
      visibility: 'network',
    });
    const [stored] = await sql(t.databaseUrl, 'SELECT title, tags, year, visibility FROM documents WHERE id = $1', [
      id,
    ]);
    expect(stored).toEqual({ title: 'Edited by the lead', tags: ['mobility'], year: 2031, visibility: 'network' });
    expect(
      (await t.http().patch(`/api/documents/${id}`).set('Authorization', outsider.auth).send({ title: 'x' })).body.code,
    ).toBe('DOCUMENT_EDIT_FORBIDDEN');
    expect((await t.http().delete(`/api/documents/${id}`).set('Authorization', outsider.auth)).status).toBe(403);
    expect((await t.http().delete(`/api/documents/${id}`).set('Authorization', insider.auth)).status).toBe(204);
    const [deleted] = await sql(t.databaseUrl, 'SELECT deleted_at, deleted_by_id FROM documents WHERE id = $1', [id]);
    expect(deleted!.deleted_by_id).toBe(insider.id);
    expect((await get(`/api/documents/${id}`, insider)).status).toBe(404);
    expect((await t.http().delete(`/api/documents/${id}`).set('Authorization', insider.auth)).status).toBe(404);
    expect((await get(`/api/documents/${id}`, coordinator)).body.deletedAt).toEqual(expect.any(String));
    expect((await t.http().post(`/api/documents/${id}/restore`).set('Authorization', insider.auth)).status).toBe(403);
    const restored = await t.http().post(`/api/documents/${id}/restore`).set('Authorization', coordinator.auth);
    expect([restored.status, restored.body.deletedAt]).toEqual([200, null]);
    expect((await t.http().post(`/api/documents/${id}/restore`).set('Authorization', coordinator.auth)).body.code).toBe(
      'DOCUMENT_NOT_DELETED',
    );
    expect((await get(`/api/documents/${id}`, insider)).status).toBe(200);
  });

  it('applies visibility on list, search, get and download for anonymous, non-member, group member and coordinator', async () => {
    const make = async (visibility: string, word: string) =>
      (
        await upload(
          lead,
          { title: `Visibility ${visibility} ${word}`, kind: 'minutes', visibility, workingGroupId: groupId },
          { name: `${visibility}.txt`, data: Buffer.from(`secret word ${word}\n`) },
        )
      ).body.id as string;
    // Filing under a (public) group one is not a member of: visible, so 403 rather than 404.
    const notMember = await upload(
      outsider,
      { title: 'x', kind: 'other', workingGroupId: groupId },
      { name: 'x.txt', data: Buffer.from('x') },
    );
    expect([notMember.status, notMember.body.code]).toEqual([403, 'NOT_A_GROUP_MEMBER']);
    const ids = {
      public: await make('public', 'zanzibarpublic'),
      network: await make('network', 'zanzibarnetwork'),
      group: await make('group', 'zanzibargroup'),
    };
    await drain();
    const expected: [string, TestMember | null, string[]][] = [
      ['anonymous', null, ['public']],
      ['outsider', outsider, ['public', 'network']],
      ['insider', insider, ['public', 'network', 'group']],
      ['coordinator', coordinator, ['public', 'network', 'group']],
    ];
    for (const [who, viewer, visible] of expected) {
      const listed = await get(`/api/documents?workingGroupId=${groupId}&kind=minutes&limit=100`, viewer);
      expect([who, listed.body.items.map((d: { visibility: string }) => d.visibility).sort()]).toEqual([
        who,
        [...visible].sort(),
      ]);
      const found = await get(`/api/documents?q=${encodeURIComponent('zanzibar')}`, viewer);
      expect([who, found.body.items.map((d: { visibility: string }) => d.visibility).sort()]).toEqual([
        who,
        [...visible].sort(),
      ]);
      for (const [visibility, id] of Object.entries(ids)) {
        const status = visible.includes(visibility) ? 200 : 404;
        expect([who, visibility, (await get(`/api/documents/${id}`, viewer)).status]).toEqual([
          who,
          visibility,
          status,
        ]);
        expect([who, visibility, (await download(id, viewer)).status]).toEqual([who, visibility, status]);
      }
    }
  });

  it('finds words inside files in English, Chinese, Japanese, Korean and Russian, with ranked, highlighted snippets', async () => {
    const docs: [string, string, { name: string; data: Buffer }][] = [
      ['zh', '北京战略', { name: '北京.pdf', data: textPdf(['北京市低碳城市发展战略', '二〇三〇年碳达峰行动方案']) }],
      ['ja', '東京計画', { name: '東京.docx', data: docx('東京都の脱炭素戦略と再生可能エネルギー') }],
      ['ko', '서울 전략', { name: 'seoul.pdf', data: textPdf(['서울시 저탄소 도시 전략을 발표했다']) }],
      [
        'ru',
        'Владивосток',
        { name: 'vladivostok.md', data: Buffer.from('# Низкоуглеродная стратегия города Владивостока\n') },
      ],
      ['en', 'Ulaanbaatar', { name: 'ub.csv', data: Buffer.from('measure,target\nDistrict heating retrofit,2030\n') }],
    ];
    const ids: Record<string, string> = {};
    for (const [language, title, file] of docs) {
      const res = await upload(insider, { title, kind: 'strategy', language, visibility: 'public' }, file);
      expect(res.status).toBe(201);
      expect(res.body.latestVersion.extractionStatus).toBe('pending');
      ids[language] = res.body.id;
    }
    await drain();
    const statuses = await sql(
      t.databaseUrl,
      `SELECT extraction_status FROM document_versions WHERE document_id = ANY($1)`,
      [Object.values(ids)],
    );
    expect(statuses.map((s) => s.extraction_status)).toEqual(['done', 'done', 'done', 'done', 'done']);

    const queries: [string, string, string][] = [
      ['zh', '碳达峰', '二〇三〇年<b>碳</b>'],
      ['zh', '城市', '<b>城市</b>'],
      ['ja', '脱炭素', '東京都の<b>脱</b>'],
      ['ko', '전략', '<b>전략을</b>'],
      ['ru', 'стратегия', '<b>стратегия</b>'],
      ['ru', 'Владивосток', '<b>Владивостока</b>'],
      ['en', 'heating', '<b>heating</b>'],
    ];
    for (const [language, q, highlighted] of queries) {
      const res = await get(`/api/documents?q=${encodeURIComponent(q)}`, null);
      expect([q, res.status, res.body.items.map((d: { id: string }) => d.id)]).toEqual([q, 200, [ids[language]]]);
      expect([q, res.body.items[0].snippet]).toEqual([q, expect.stringContaining(highlighted)]);
      expect(res.body.items[0].rank).toBeGreaterThan(0);
    }
    // Title words weigh more than words of the text: the title match ranks first.
    await upload(
      insider,
      { title: 'Heating', kind: 'report', visibility: 'public', language: 'en' },
      { name: 'h.txt', data: Buffer.from('boilers') },
    );
    await drain();
    const ranked = await get('/api/documents?q=heating&limit=1&facets=true', null);
    expect(ranked.body.items[0].title).toBe('Heating');
    expect(ranked.body.facets.language).toEqual([{ value: 'en', count: 2 }]);
    const second = await get(`/api/documents?q=heating&limit=1&cursor=${ranked.body.nextCursor}`, null);
    expect(second.body).toMatchObject({ items: [{ id: ids.en }], nextCursor: null });
    expect((await get('/api/documents?q=%E6%9D%B1%E4%BA%AC&language=zh', null)).body.items).toEqual([]);
    expect((await get('/api/documents?cursor=bogus', null)).status).toBe(400);
    expect(
      new Set(
        (await get('/api/documents?kind=novel&year=abc', null)).body.details.map((d: { field: string }) => d.field),
      ),
    ).toEqual(new Set(['kind', 'year']));
  });

  it('marks the extraction of a corrupt PDF failed without affecting anything else', async () => {
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const res = await upload(insider, { title: 'Broken', kind: 'report' }, { name: 'broken.pdf', data: corrupt });
    expect(res.status).toBe(201);
    await drain();
    const [row] = await sql(
      t.databaseUrl,
      'SELECT extraction_status, extraction_error FROM document_versions WHERE document_id = $1',
      [res.body.id],
    );
    expect(row).toEqual({ extraction_status: 'failed', extraction_error: expect.stringContaining('PDF') });
    expect((await get(`/api/documents/${res.body.id}`, insider)).body.latestVersion.extractionStatus).toBe('failed');
    expect((await download(res.body.id, insider)).status).toBe(200);
  });

  it('pages the list newest first with a keyset cursor', async () => {
    const first = await get('/api/documents?limit=2', insider);
    const second = await get(`/api/documents?limit=2&cursor=${first.body.nextCursor}`, insider);
    const all = await get('/api/documents?limit=4', insider);
    expect([...first.body.items, ...second.body.items].map((d: { id: string }) => d.id)).toEqual(
      all.body.items.map((d: { id: string }) => d.id),
    );
    expect((await get('/api/documents?tag=energy&limit=100', insider)).body.items.length).toBe(13);
  });

  it('ranks a bounded set of candidates: an older document named after the query still comes first', async () => {
    const named = await upload(
      insider,
      { title: 'Kelp farming', kind: 'report', visibility: 'network', language: 'en' },
      { name: 'k.txt', data: Buffer.from('coastal notes') },
    );
    const mention = await upload(
      insider,
      { title: 'Coastal notes', kind: 'report', visibility: 'network', language: 'en' },
      { name: 'm.txt', data: Buffer.from('kelp kelp kelp along the shore') },
    );
    await drain();
    // 120 newer documents with the word in their text: copies made in SQL, as uploading them would take minutes.
    await sql(
      t.databaseUrl,
      `WITH copies AS (
         INSERT INTO documents (title, kind, language, visibility, uploaded_by_id, search_vector, title_vector,
                                search_text, created_at)
         SELECT 'Copy ' || g, d.kind, d.language, d.visibility, d.uploaded_by_id, d.search_vector, d.title_vector,
                d.search_text, d.created_at + g * interval '1 millisecond'
           FROM documents d, generate_series(1, 120) g WHERE d.id = $1 RETURNING id)
       INSERT INTO document_versions (document_id, number, file_name, mime_type, size, sha256, uploaded_by_id,
                                      extraction_status, extracted_text)
       SELECT c.id, 1, v.file_name, v.mime_type, v.size, v.sha256, v.uploaded_by_id, v.extraction_status,
              v.extracted_text
         FROM copies c, document_versions v WHERE v.document_id = $1`,
      [mention.body.id],
    );
    const first = await get('/api/documents?q=kelp&limit=50', insider);
    expect(first.body.items[0]).toMatchObject({ id: named.body.id, title: 'Kelp farming' });
    const seen: string[] = first.body.items.map((d: { id: string }) => d.id);
    for (let cursor = first.body.nextCursor; cursor;) {
      const page = await get(`/api/documents?q=kelp&limit=50&cursor=${cursor}`, insider);
      seen.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.nextCursor;
    }
    // The newest 100 text matches and the title match, each once; the oldest copies and the original are not ranked.
    expect([seen.length, new Set(seen).size]).toEqual([101, 101]);
    expect(seen).not.toContain(mention.body.id);
    // Outsiders of the network (anonymous visitors) see none of them.
    expect((await get('/api/documents?q=kelp', null)).body.items).toEqual([]);
  });
});

describe('documents of a private group', () => {
  it('can only be visible to the group, and are 404 to non-members', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await t.fx.member({ role: 'coordinator' });
      const outsider = await t.fx.member();
      const group = await t.fx.group(coordinator, { name: 'Closed', visibility: 'private' });
      const upload = (visibility: string) =>
        t
          .http()
          .post('/api/documents')
          .set('Authorization', coordinator.auth)
          .field('title', 'Internal draft')
          .field('kind', 'report')
          .field('visibility', visibility)
          .field('workingGroupId', group.id)
          .attach('file', Buffer.from('draft text\n'), { filename: 'draft.txt', contentType: 'text/plain' });
      const refused = await upload('network').expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toContain('visibility');
      const stored = await upload('group').expect(201);
      await t.http().get(`/api/documents/${stored.body.id}`).set('Authorization', outsider.auth).expect(404);
      const widened = await t
        .http()
        .patch(`/api/documents/${stored.body.id}`)
        .set('Authorization', coordinator.auth)
        .send({ visibility: 'public' })
        .expect(400);
      expect(widened.body.details[0].field).toBe('visibility');
    } finally {
      await t.close();
    }
  });
});

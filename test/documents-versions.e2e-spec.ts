import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentResponse, DocumentVersionResponse } from '@lcc/contracts';
import { barrier, collect, connectSocket, type PortalClient, type TestMember, waitForEvent } from '@lcc/testing';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('document versions: notes, identical uploads refused, restore, extracted text, live reading state', () => {
  let t: TestApp;
  let dataDir: string;
  let lead: TestMember;
  let insider: TestMember;
  let outsider: TestMember;
  let groupId: string;
  const sockets: PortalClient[] = [];

  const newVersion = (by: TestMember, id: string, data: Buffer, fields: Record<string, string> = {}) => {
    const req = t.http().post(`/api/documents/${id}/versions`).set('Authorization', by.auth);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    return req.attach('file', data, { filename: 'notes.txt', contentType: 'text/plain' });
  };
  const versions = async (by: TestMember, id: string) => {
    const response = await t.http().get(`/api/documents/${id}/versions`).set('Authorization', by.auth);
    expect(response.status).toBe(200);
    return response.body.items as DocumentVersionResponse[];
  };
  const tempFiles = async () => {
    try {
      return await readdir(path.join(dataDir, 'documents', 'tmp'));
    } catch {
      return [];
    }
  };
  const drain = () => t.app.get(ExtractionService).drain();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-doc-versions-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    const coordinator = await t.fx.member({ role: 'coordinator' });
    lead = await t.fx.member({ displayName: 'Version Lead' });
    insider = await t.fx.member({ displayName: 'Version Insider' });
    outsider = await t.fx.member({ displayName: 'Version Outsider' });
    const group = await t.fx.group(coordinator, { name: 'Versions Group', visibility: 'public' });
    groupId = group.id;
    await t.fx.addMember(group, lead, { role: 'lead' });
    await t.fx.addMember(group, insider);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 401 without a token and 400 on a bad version number or note', async () => {
    const doc = await t.fx.document(lead, { text: 'first words\n' });
    expect((await t.http().post(`/api/documents/${doc.id}/versions/1/restore`)).status).toBe(401);
    for (const number of ['0', 'x', '99999999999']) {
      const response = await t
        .http()
        .post(`/api/documents/${doc.id}/versions/${number}/restore`)
        .set('Authorization', lead.auth);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const long = await t
      .http()
      .post(`/api/documents/${doc.id}/versions/1/restore`)
      .set('Authorization', lead.auth)
      .send({ note: 'n'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([expect.objectContaining({ field: 'note' })]);
    const longUpload = await newVersion(lead, doc.id, Buffer.from('second words\n'), { note: 'n'.repeat(1001) });
    expect(longUpload.status).toBe(400);
    expect(longUpload.body.details).toEqual([expect.objectContaining({ field: 'note' })]);
    expect(await versions(lead, doc.id)).toHaveLength(1);
    expect(await tempFiles()).toEqual([]);
  });

  it('keeps a note per version and shows it in the version list and on the latest version', async () => {
    const doc = await t.fx.document(lead, { text: 'draft one\n' });
    const created = await newVersion(lead, doc.id, Buffer.from('draft two\n'), { note: '  Targets for 2035 added  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 2, note: 'Targets for 2035 added', restoredFromNumber: null });
    const blank = await newVersion(lead, doc.id, Buffer.from('draft three\n'), { note: '' });
    expect(blank.body).toMatchObject({ number: 3, note: null });
    const list = await versions(insider, doc.id);
    expect(list.map((v) => [v.number, v.note])).toEqual([
      [3, null],
      [2, 'Targets for 2035 added'],
      [1, null],
    ]);
    const [{ note }] = await sql<{ note: string | null }>(
      t.databaseUrl,
      `SELECT note FROM document_versions WHERE document_id = $1 AND number = 2`,
      [doc.id],
    );
    expect(note).toBe('Targets for 2035 added');
  });

  it('refuses a version identical to the latest with 409 VERSION_UNCHANGED and writes nothing', async () => {
    const bytes = Buffer.from('the same bytes twice\n');
    const doc = await t.fx.document(lead, { data: bytes });
    const before = await t.http().get(`/api/documents/${doc.id}`).set('Authorization', lead.auth);
    const refused = await newVersion(lead, doc.id, bytes, { note: 'no change really' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'VERSION_UNCHANGED' });
    expect(typeof refused.body.requestId).toBe('string');
    const after = await t.http().get(`/api/documents/${doc.id}`).set('Authorization', lead.auth);
    expect(after.body.versionCount).toBe(1);
    expect(after.body.updatedAt).toBe(before.body.updatedAt);
    const rows = await sql<{ count: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS count FROM document_versions WHERE document_id = $1`,
      [doc.id],
    );
    expect(rows[0]!.count).toBe(1);
    expect(await tempFiles()).toEqual([]);
    // The bytes of an older version are not the latest: uploading them again is a real change.
    const other = await newVersion(lead, doc.id, Buffer.from('something else\n'));
    expect(other.status).toBe(201);
    const again = await newVersion(lead, doc.id, bytes);
    expect(again.status).toBe(201);
    expect(again.body.number).toBe(3);
  });

  it('restores an older version as the newest: same bytes and hash, its text reused, searchable again', async () => {
    const first = Buffer.from('Ulaanbaatar heating retrofit programme\n');
    const doc = await t.fx.document(lead, { data: first, groupId, visibility: 'group' });
    await drain();
    expect((await newVersion(lead, doc.id, Buffer.from('Completely rewritten district cooling\n'))).status).toBe(201);
    await drain();
    const search = (q: string) =>
      t
        .http()
        .get(`/api/documents?q=${encodeURIComponent(q)}`)
        .set('Authorization', insider.auth)
        .then((r) => (r.body.items as DocumentResponse[]).map((d) => d.id));
    expect(await search('retrofit')).not.toContain(doc.id);

    expect(
      (await t.http().post(`/api/documents/${doc.id}/versions/1/restore`).set('Authorization', outsider.auth)).status,
    ).toBe(404);
    expect(
      (await t.http().post(`/api/documents/${doc.id}/versions/1/restore`).set('Authorization', insider.auth)).body.code,
    ).toBe('DOCUMENT_EDIT_FORBIDDEN');
    const missing = await t
      .http()
      .post(`/api/documents/${doc.id}/versions/9/restore`)
      .set('Authorization', lead.auth)
      .send({});
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('DOCUMENT_VERSION_NOT_FOUND');

    const restored = await t
      .http()
      .post(`/api/documents/${doc.id}/versions/1/restore`)
      .set('Authorization', lead.auth)
      .send({ note: 'Back to the first draft' });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({
      number: 3,
      sha256: sha256(first),
      size: first.length,
      note: 'Back to the first draft',
      restoredFromNumber: 1,
      extractionStatus: 'done',
      uploadedBy: { id: lead.id },
    });
    const download = await t
      .http()
      .get(`/api/documents/${doc.id}/download`)
      .set('Authorization', insider.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, first)).toBe(0);
    const text = await t.http().get(`/api/documents/${doc.id}/text`).set('Authorization', insider.auth);
    expect(text.body).toEqual({ number: 3, extractionStatus: 'done', text: expect.stringContaining('retrofit') });
    expect(await search('retrofit')).toContain(doc.id);

    // Restoring the bytes the latest version already has changes nothing.
    const same = await t.http().post(`/api/documents/${doc.id}/versions/1/restore`).set('Authorization', lead.auth);
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('VERSION_UNCHANGED');
    expect((await versions(lead, doc.id)).map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it("returns a version's extracted text only to those who may open the document", async () => {
    const doc = await t.fx.document(lead, { text: 'Group eyes only\n', groupId, visibility: 'group' });
    await drain();
    const url = `/api/documents/${doc.id}/text`;
    expect((await t.http().get(url).set('Authorization', outsider.auth)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await t.http().get(url)).status).toBe(404);
    const read = await t.http().get(`${url}?version=1`).set('Authorization', insider.auth);
    expect(read.body).toEqual({
      number: 1,
      extractionStatus: 'done',
      text: expect.stringContaining('Group eyes only'),
    });
    expect((await t.http().get(`${url}?version=2`).set('Authorization', insider.auth)).body.code).toBe(
      'DOCUMENT_VERSION_NOT_FOUND',
    );
    const image = await t.fx.document(lead, {
      data: Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d6f80b0000000049454e44ae426082',
        'hex',
      ),
      filename: 'map.png',
      contentType: 'image/png',
    });
    expect((await t.http().get(`/api/documents/${image.id}/text`).set('Authorization', insider.auth)).body).toEqual({
      number: 1,
      extractionStatus: 'skipped',
      text: null,
    });
  });

  it('tells the open pages of those who may read it that a version was added and then read, and no one else', async () => {
    const doc = await t.fx.document(lead, { text: 'Live one\n', groupId, visibility: 'group' });
    const open = await t.fx.document(lead, { text: 'Open to the network\n' });
    await drain();
    const insiderSocket = await connectSocket(t.url, insider.accessToken);
    const outsiderSocket = await connectSocket(t.url, outsider.accessToken);
    sockets.push(insiderSocket, outsiderSocket);
    const heardByOutsider = collect(outsiderSocket, 'document.updated');

    const added = waitForEvent(insiderSocket, 'document.updated', (p) => p.documentId === doc.id);
    const read = waitForEvent(
      insiderSocket,
      'document.updated',
      (p) => p.documentId === doc.id && p.change === 'text_extracted',
    );
    expect((await newVersion(lead, doc.id, Buffer.from('Live two\n'))).status).toBe(201);
    expect(await added).toEqual({ documentId: doc.id, change: 'version_added' });
    expect(await read).toEqual({ documentId: doc.id, change: 'text_extracted' });
    const [latest] = await versions(insider, doc.id);
    expect(latest).toMatchObject({ number: 2, extractionStatus: 'done' });

    // A change the outsider may see arrives after any they should not have heard.
    await barrier(
      outsiderSocket,
      'document.updated',
      (p) => p.documentId === open.id && p.change === 'text_extracted',
      () => newVersion(lead, open.id, Buffer.from('Open, second edition\n')),
    );
    expect(heardByOutsider.some((p) => p.documentId === doc.id)).toBe(false);
    expect(heardByOutsider.some((p) => p.documentId === open.id)).toBe(true);
  });
});

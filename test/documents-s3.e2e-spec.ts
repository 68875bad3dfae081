import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { TestMember } from '@lcc/testing';
import { BlobStorage } from '../apps/api/src/modules/documents/storage/blob-storage.js';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import { TestS3Server } from './support/s3.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The S3 driver against a real S3-protocol server (s3rver, in this process, on a free port): no mock. */
describe('documents: S3-compatible storage', () => {
  let s3: TestS3Server;
  let dataDir: string;
  let t: TestApp;
  let client: S3Client;
  let member: TestMember;

  beforeAll(async () => {
    s3 = await new TestS3Server().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-docs-s3-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir, ...s3.env('lcc-documents') } });
    client = s3.client();
    member = await t.fx.member();
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await s3.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the bucket, stores blobs under their hash (once), serves downloads and ranges, extracts text', async () => {
    expect(t.app.get(BlobStorage).name).toBe('s3');
    const data = Buffer.from('Улаанбаатар хотын нүүрстөрөгч багатай стратеги\n'.repeat(2000));
    const ids: string[] = [];
    for (const title of ['First', 'Same bytes']) {
      const res = await t
        .http()
        .post('/api/documents')
        .set('Authorization', member.auth)
        .field('title', title)
        .field('kind', 'strategy')
        .field('language', 'mn')
        .attach('file', data, { filename: 'стратеги.txt', contentType: 'text/plain' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'lcc-documents' }));
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([[`blobs/${sha256(data)}`, data.length]]);
    const object = await client.send(new GetObjectCommand({ Bucket: 'lcc-documents', Key: `blobs/${sha256(data)}` }));
    expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(sha256(data));
    // Nothing stays on local disk but the (empty) spool folder.
    expect(await readdir(path.join(dataDir, 'documents', 'tmp'))).toEqual([]);

    const full = await t
      .http()
      .get(`/api/documents/${ids[1]}/download`)
      .set('Authorization', member.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(full.status).toBe(200);
    expect(sha256(full.body as Buffer)).toBe(sha256(data));
    const part = await t
      .http()
      .get(`/api/documents/${ids[0]}/download`)
      .set('Authorization', member.auth)
      .set('Range', 'bytes=0-21');
    expect([part.status, part.headers['content-range'], part.text]).toEqual([
      206,
      `bytes 0-21/${data.length}`,
      'Улаанбаатар',
    ]);

    await t.app.get(ExtractionService).drain();
    const rows = await sql(t.databaseUrl, 'SELECT extraction_status FROM document_versions');
    expect(rows.map((r) => r.extraction_status)).toEqual(['done', 'done']);
    const found = await t.http().get('/api/documents?q=стратеги').set('Authorization', member.auth);
    expect(found.body.items.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());
  });
});

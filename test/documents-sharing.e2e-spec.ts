import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentResponse } from '@lcc/contracts';
import type { TestGroup, TestMember } from '@lcc/testing';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A document shared with several working groups: members of any of them read it, and only while they are. */
describe('documents shared with several working groups', () => {
  let t: TestApp;
  let dataDir: string;
  let coordinator: TestMember;
  let uploader: TestMember;
  let heatingReader: TestMember;
  let transportReader: TestMember;
  let outsider: TestMember;
  let heating: TestGroup;
  let transport: TestGroup;
  let waste: TestGroup;

  const as = (m: TestMember) => ({
    get: (url: string) => t.http().get(url).set('Authorization', m.auth),
    patch: (url: string, body: object) => t.http().patch(url).set('Authorization', m.auth).send(body),
  });
  const upload = (by: TestMember, fields: Record<string, string>, text = 'Shared district heating study\n') => {
    const req = t.http().post('/api/documents').set('Authorization', by.auth);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    return req.attach('file', Buffer.from(text), { filename: 'study.txt', contentType: 'text/plain' });
  };
  const documentCount = async () =>
    (await sql<{ count: number }>(t.databaseUrl, `SELECT count(*)::int AS count FROM documents`))[0]!.count;
  const listed = async (m: TestMember, query: string) =>
    ((await as(m).get(`/api/documents?${query}`)).body.items as DocumentResponse[]).map((d) => d.id);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lcc-doc-sharing-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    coordinator = await t.fx.member({ role: 'coordinator' });
    uploader = await t.fx.member({ displayName: 'Sharing Uploader' });
    heatingReader = await t.fx.member({ displayName: 'Heating Reader' });
    transportReader = await t.fx.member({ displayName: 'Transport Reader' });
    outsider = await t.fx.member({ displayName: 'Sharing Outsider' });
    heating = await t.fx.group(coordinator, { name: 'Heating', visibility: 'public' });
    transport = await t.fx.group(coordinator, { name: 'Transport', visibility: 'private' });
    waste = await t.fx.group(coordinator, { name: 'Waste', visibility: 'public' });
    await t.fx.addMember(heating, uploader);
    await t.fx.addMember(transport, uploader);
    await t.fx.addMember(heating, heatingReader);
    await t.fx.addMember(transport, transportReader);
    await t.fx.addMember(waste, outsider);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('files a document under every group the uploader chose; a member of the second group reads it until removed', async () => {
    const created = await upload(uploader, {
      title: 'Shared heating study',
      kind: 'report',
      visibility: 'group',
      workingGroupIds: `${heating.id}, ${transport.id}`,
    });
    expect(created.status).toBe(201);
    const doc = created.body as DocumentResponse;
    expect(doc).toMatchObject({ workingGroupId: heating.id, workingGroupIds: [heating.id, transport.id] });
    await t.app.get(ExtractionService).drain();

    for (const reader of [heatingReader, transportReader]) {
      expect((await as(reader).get(`/api/documents/${doc.id}`)).status).toBe(200);
      expect((await as(reader).get(`/api/documents/${doc.id}/download`)).status).toBe(200);
      expect((await as(reader).get(`/api/documents/${doc.id}/text`)).body.text).toContain('district heating');
      expect(await listed(reader, 'q=heating')).toContain(doc.id);
    }
    // Found under each group it is shared with.
    expect(await listed(transportReader, `workingGroupId=${transport.id}`)).toEqual([doc.id]);
    expect(await listed(heatingReader, `workingGroupId=${heating.id}`)).toEqual([doc.id]);
    expect(await listed(coordinator, `workingGroupId=${waste.id}`)).toEqual([]);
    // Filed under a private group, it is for the groups' members only (a member of neither does not see it).
    expect((await as(outsider).get(`/api/documents/${doc.id}`)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect(await listed(outsider, 'q=heating')).not.toContain(doc.id);
    expect((await t.http().get(`/api/documents/${doc.id}`)).status).toBe(404);

    // Removed from the second group, the reader loses it on every channel at once.
    const removed = await t
      .http()
      .delete(`/api/working-groups/${transport.id}/members/${transportReader.id}`)
      .set('Authorization', coordinator.auth);
    expect(removed.status).toBe(204);
    expect((await as(transportReader).get(`/api/documents/${doc.id}`)).status).toBe(404);
    expect((await as(transportReader).get(`/api/documents/${doc.id}/download`)).status).toBe(404);
    expect((await as(transportReader).get(`/api/documents/${doc.id}/text`)).status).toBe(404);
    expect(await listed(transportReader, 'q=heating')).not.toContain(doc.id);
    const search = await as(transportReader).get(`/api/search?q=heating&scope=documents`);
    expect(search.status).toBe(200);
    expect(search.text).not.toContain(doc.id);
    expect((await as(heatingReader).get(`/api/documents/${doc.id}`)).status).toBe(200);
    await t.fx.addMember(transport, transportReader);
    expect((await as(transportReader).get(`/api/documents/${doc.id}`)).status).toBe(200);
  });

  it('refuses groups the uploader is not in, contradictory fields and a wider visibility in a private group, writing nothing', async () => {
    const before = await documentCount();
    const notMine = await upload(uploader, {
      title: 'Not my group',
      kind: 'report',
      workingGroupIds: `${heating.id},${waste.id}`,
    });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_A_GROUP_MEMBER');
    const contradictory = await upload(uploader, {
      title: 'Contradictory',
      kind: 'report',
      workingGroupId: transport.id,
      workingGroupIds: `${heating.id},${transport.id}`,
      visibility: 'group',
    });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body.details).toEqual([expect.objectContaining({ field: 'workingGroupId' })]);
    const badId = await upload(uploader, { title: 'Bad id', kind: 'report', workingGroupIds: 'not-a-uuid' });
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([expect.objectContaining({ field: 'workingGroupIds' })]);
    const wide = await upload(uploader, {
      title: 'Too wide',
      kind: 'report',
      visibility: 'network',
      workingGroupIds: `${heating.id},${transport.id}`,
    });
    expect(wide.status).toBe(400);
    expect(wide.body.details).toEqual([expect.objectContaining({ field: 'visibility' })]);
    expect(await documentCount()).toBe(before);

    // The contract's single field still works: it files the document under that one group.
    const single = await upload(uploader, { title: 'One group', kind: 'report', workingGroupId: heating.id });
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({ workingGroupId: heating.id, workingGroupIds: [heating.id] });
  });

  it("shares a filed document with another group only by the groups' leads and staff, and keeps the groups on a plain edit", async () => {
    const doc = (
      await upload(uploader, { title: 'Heating only', kind: 'report', visibility: 'group', workingGroupId: heating.id })
    ).body as DocumentResponse;
    await t.fx.addMember(waste, uploader);
    const url = `/api/documents/${doc.id}`;

    // The uploader may not share a group's document with another group on their own.
    const refused = await as(uploader).patch(url, { workingGroupIds: [heating.id, waste.id] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DOCUMENT_EDIT_FORBIDDEN');
    expect((await as(outsider).get(url)).status).toBe(404);
    const nulled = await as(uploader).patch(url, { workingGroupIds: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.details).toEqual([expect.objectContaining({ field: 'workingGroupIds' })]);

    const shared = await as(coordinator).patch(url, { workingGroupIds: [heating.id, waste.id] });
    expect(shared.status).toBe(200);
    expect(shared.body.workingGroupIds).toEqual([heating.id, waste.id]);
    expect((await as(outsider).get(url)).status).toBe(200);

    // A form that sends every field, the first group among them, keeps every group.
    const edited = await as(uploader).patch(url, { title: 'Heating only, revised', workingGroupId: heating.id });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Heating only, revised', workingGroupIds: [heating.id, waste.id] });

    const audit = await sql<{ details: { to: { workingGroupIds: string[] } } }>(
      t.databaseUrl,
      `SELECT details FROM audit_entries WHERE target_id = $1 AND action = 'document.moved'`,
      [doc.id],
    );
    expect(audit.map((a) => a.details.to.workingGroupIds)).toEqual([[heating.id, waste.id]]);

    // Taken out of the second group by staff: its members lose it.
    const back = await as(coordinator).patch(url, { workingGroupIds: [heating.id] });
    expect(back.body.workingGroupIds).toEqual([heating.id]);
    expect((await as(outsider).get(url)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentFolderResponse, DocumentResponse } from '@lcc/contracts';
import type { TestGroup, TestMember } from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Folders (collections) in the library and inside each working group, with rename, move and delete. */
describe('document folders', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let owner: TestMember;
  let member: TestMember;
  let outsider: TestMember;
  let group: TestGroup;

  const as = (m: TestMember) => ({
    get: (url: string) => t.http().get(url).set('Authorization', m.auth),
    post: (url: string, body: object) => t.http().post(url).set('Authorization', m.auth).send(body),
    patch: (url: string, body: object) => t.http().patch(url).set('Authorization', m.auth).send(body),
    put: (url: string, body: object) => t.http().put(url).set('Authorization', m.auth).send(body),
    delete: (url: string) => t.http().delete(url).set('Authorization', m.auth),
  });
  const folderIn = async (m: TestMember, query = '') =>
    ((await as(m).get(`/api/document-folders${query}`)).body.items as DocumentFolderResponse[]).map((f) => f.name);

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.fx.member({ role: 'coordinator' });
    owner = await t.fx.member({ displayName: 'Folder Owner' });
    member = await t.fx.member({ displayName: 'Folder Member' });
    outsider = await t.fx.member({ displayName: 'Folder Outsider' });
    group = await t.fx.group(coordinator, { name: 'Folders Group', visibility: 'private' });
    await t.fx.addMember(group, owner);
    await t.fx.addMember(group, member);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token and 400 on bad input, changing nothing', async () => {
    for (const call of [
      t.http().get('/api/document-folders'),
      t.http().post('/api/document-folders'),
      t.http().patch(`/api/document-folders/${UNKNOWN_ID}`),
      t.http().delete(`/api/document-folders/${UNKNOWN_ID}`),
      t.http().put(`/api/documents/${UNKNOWN_ID}/folder`),
    ]) {
      expect((await call).status).toBe(401);
    }
    for (const body of [{ name: '' }, { name: 'x', extra: 1 }, { name: 'x', workingGroupId: 'nope' }, {}]) {
      const response = await as(owner).post('/api/document-folders', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await as(owner).put(`/api/documents/${UNKNOWN_ID}/folder`, { folderId: 'nope' })).status).toBe(400);
    expect((await as(owner).get(`/api/document-folders/${UNKNOWN_ID}`)).body.code).toBe('FOLDER_NOT_FOUND');
    expect(await folderIn(owner)).toEqual([]);
  });

  it('creates, lists and renames folders of the library; only the creator and staff rename or delete them', async () => {
    const created = await as(owner).post('/api/document-folders', { name: '  Heating strategies ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Heating strategies',
      workingGroupId: null,
      createdBy: { id: owner.id },
      documentCount: 0,
      canEdit: true,
    });
    const id = created.body.id as string;
    await as(member).post('/api/document-folders', { name: 'Air quality' }).expect(201);
    expect(await folderIn(outsider)).toEqual(['Air quality', 'Heating strategies']);

    const refused = await as(member).patch(`/api/document-folders/${id}`, { name: 'Mine now' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FOLDER_EDIT_FORBIDDEN');
    expect((await as(member).delete(`/api/document-folders/${id}`)).status).toBe(403);
    expect((await as(owner).patch(`/api/document-folders/${id}`, { name: null })).status).toBe(400);
    const renamed = await as(owner).patch(`/api/document-folders/${id}`, { name: 'District heating' });
    expect(renamed.body.name).toBe('District heating');
    await as(coordinator).patch(`/api/document-folders/${id}`, { name: 'District heating plans' }).expect(200);
    expect(await folderIn(owner)).toEqual(['Air quality', 'District heating plans']);
  });

  it("keeps a group's folders to those who see inside the group", async () => {
    const created = await as(member).post('/api/document-folders', { name: 'Minutes', workingGroupId: group.id });
    expect(created.status).toBe(201);
    expect(await folderIn(owner, `?workingGroupId=${group.id}`)).toEqual(['Minutes']);
    expect(await folderIn(owner)).not.toContain('Minutes');
    expect((await as(outsider).get(`/api/document-folders/${created.body.id}`)).status).toBe(404);
    expect((await as(outsider).get(`/api/document-folders?workingGroupId=${group.id}`)).status).toBe(400);
    const notMember = await as(outsider).post('/api/document-folders', { name: 'Sneaky', workingGroupId: group.id });
    expect(notMember.status).toBe(400);
    expect(await folderIn(coordinator, `?workingGroupId=${group.id}`)).toEqual(['Minutes']);
  });

  it('moves documents into folders and out; a group folder takes only documents shared with its group', async () => {
    const library = (await as(owner).post('/api/document-folders', { name: 'Moves' })).body as DocumentFolderResponse;
    const groupFolder = (
      await as(owner).post('/api/document-folders', { name: 'Group moves', workingGroupId: group.id })
    ).body as DocumentFolderResponse;
    const open = await t.fx.document(owner, { title: 'Open plan' });
    const closed = await t.fx.document(owner, { title: 'Closed plan', groupId: group.id, visibility: 'group' });

    const moved = await as(owner).put(`/api/documents/${open.id}/folder`, { folderId: library.id });
    expect(moved.status).toBe(200);
    expect((moved.body as DocumentResponse).folderId).toBe(library.id);
    const wrong = await as(owner).put(`/api/documents/${open.id}/folder`, { folderId: groupFolder.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'folderId' })]);
    expect((await as(owner).get(`/api/documents/${open.id}`)).body.folderId).toBe(library.id);
    expect((await as(member).put(`/api/documents/${open.id}/folder`, { folderId: null })).body.code).toBe(
      'DOCUMENT_EDIT_FORBIDDEN',
    );
    await as(owner).put(`/api/documents/${closed.id}/folder`, { folderId: groupFolder.id }).expect(200);
    await as(owner).put(`/api/documents/${closed.id}/folder`, { folderId: library.id }).expect(200);

    // The folder lists and counts only what each reader may open.
    const inLibraryFolder = async (m: TestMember) =>
      ((await as(m).get(`/api/documents?folderId=${library.id}`)).body.items as DocumentResponse[]).map((d) => d.title);
    expect((await inLibraryFolder(member)).sort()).toEqual(['Closed plan', 'Open plan']);
    expect(await inLibraryFolder(outsider)).toEqual(['Open plan']);
    expect((await as(outsider).get(`/api/document-folders/${library.id}`)).body.documentCount).toBe(1);
    expect((await as(member).get(`/api/document-folders/${library.id}`)).body.documentCount).toBe(2);

    await as(owner).put(`/api/documents/${open.id}/folder`, { folderId: null }).expect(200);
    expect(await inLibraryFolder(outsider)).toEqual([]);

    // Deleting a folder leaves its documents, outside any folder.
    await as(owner).delete(`/api/document-folders/${library.id}`).expect(204);
    expect((await as(owner).get(`/api/document-folders/${library.id}`)).status).toBe(404);
    expect((await as(owner).get(`/api/documents/${closed.id}`)).body).toMatchObject({
      title: 'Closed plan',
      folderId: null,
    });
  });

  it('keeps a document shared with several groups in a folder of each; readers see the groups they see inside', async () => {
    const open = await t.fx.group(coordinator, { name: 'Open Folders Group', visibility: 'public' });
    await t.fx.addMember(open, owner);
    await t.fx.addMember(open, outsider);
    const shared = (
      await t
        .http()
        .post('/api/documents')
        .set('Authorization', owner.auth)
        .field('title', 'Shared plan')
        .field('kind', 'report')
        .field('visibility', 'group')
        .field('workingGroupIds', `${group.id},${open.id}`)
        .attach('file', Buffer.from('Shared plan\n'), { filename: 'plan.txt', contentType: 'text/plain' })
        .expect(201)
    ).body as DocumentResponse;
    expect(shared.groupFolders).toEqual([
      { workingGroupId: group.id, folderId: null },
      { workingGroupId: open.id, folderId: null },
    ]);
    const inClosed = (await as(owner).post('/api/document-folders', { name: 'Closed shelf', workingGroupId: group.id }))
      .body as DocumentFolderResponse;
    const inOpen = (await as(owner).post('/api/document-folders', { name: 'Open shelf', workingGroupId: open.id }))
      .body as DocumentFolderResponse;
    const library = (await as(owner).post('/api/document-folders', { name: 'Library shelf' }))
      .body as DocumentFolderResponse;

    // One folder per group and one in the library, each kept when another is chosen.
    await as(owner).put(`/api/documents/${shared.id}/folder`, { folderId: inClosed.id }).expect(200);
    await as(owner).put(`/api/documents/${shared.id}/folder`, { folderId: library.id }).expect(200);
    const both = await as(owner).put(`/api/documents/${shared.id}/folder`, { folderId: inOpen.id }).expect(200);
    expect(both.body).toMatchObject({
      folderId: library.id,
      groupFolders: [
        { workingGroupId: group.id, folderId: inClosed.id },
        { workingGroupId: open.id, folderId: inOpen.id },
      ],
    });
    // A member of the open group only sees its place there, and finds it in that folder.
    expect((await as(outsider).get(`/api/documents/${shared.id}`)).body.groupFolders).toEqual([
      { workingGroupId: open.id, folderId: inOpen.id },
    ]);
    const listed = await as(outsider).get(`/api/documents?folderId=${inOpen.id}`).expect(200);
    expect((listed.body.items as DocumentResponse[]).map((d) => d.title)).toEqual(['Shared plan']);
    expect((await as(member).get(`/api/document-folders/${inClosed.id}`)).body.documentCount).toBe(1);

    // Who may not edit it may not move it; a folder and a group that do not match are refused, changing nothing.
    expect(
      (await as(member).put(`/api/documents/${shared.id}/folder`, { folderId: null, workingGroupId: group.id })).body
        .code,
    ).toBe('DOCUMENT_EDIT_FORBIDDEN');
    const mismatch = await as(owner).put(`/api/documents/${shared.id}/folder`, {
      folderId: inClosed.id,
      workingGroupId: open.id,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.details).toEqual([expect.objectContaining({ field: 'workingGroupId' })]);
    const other = await t.fx.group(coordinator, { name: 'Unrelated Group' });
    const unrelated = await as(owner).put(`/api/documents/${shared.id}/folder`, {
      folderId: null,
      workingGroupId: other.id,
    });
    expect(unrelated.status).toBe(400);

    // Out of one group's folder; the other places stay, also when the groups are reordered.
    await as(owner).put(`/api/documents/${shared.id}/folder`, { folderId: null, workingGroupId: group.id }).expect(200);
    const reordered = await as(owner)
      .patch(`/api/documents/${shared.id}`, { workingGroupIds: [open.id, group.id] })
      .expect(200);
    expect(reordered.body).toMatchObject({
      folderId: library.id,
      groupFolders: [
        { workingGroupId: open.id, folderId: inOpen.id },
        { workingGroupId: group.id, folderId: null },
      ],
    });
    // Deleting a group's folder leaves the document outside any folder of that group.
    await as(owner).delete(`/api/document-folders/${inOpen.id}`).expect(204);
    expect((await as(owner).get(`/api/documents/${shared.id}`)).body.groupFolders[0]).toEqual({
      workingGroupId: open.id,
      folderId: null,
    });
  });
});

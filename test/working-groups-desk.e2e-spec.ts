import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationResponse, WorkingGroupResponse } from '@lcc/contracts';
import { connectSocket, waitForEvent, type PortalClient, type TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The coordinator's desk: hidden groups, adding and removing people, editing, archiving, and join requests. */
describe('working groups: the coordinator’s desk', () => {
  let t: TestApp;
  let coordinator: TestMember;
  const sockets: PortalClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.fx.member({ role: 'coordinator', displayName: 'Desk Coordinator' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  const as = (m: TestMember) => ({
    get: (path: string) => t.http().get(path).set('Authorization', m.auth),
    post: (path: string, body: object = {}) => t.http().post(path).set('Authorization', m.auth).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('Authorization', m.auth).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', m.auth),
  });
  const listed = async (m: TestMember, query = '') =>
    ((await as(m).get(`/api/working-groups?limit=100${query}`).expect(200)).body.items as WorkingGroupResponse[]).map(
      (g) => g.id,
    );
  const socketOf = async (m: TestMember) => {
    const socket = await connectSocket(t.url, m.accessToken);
    sockets.push(socket);
    return socket;
  };

  it('answers 401 without a token on the new routes, and 400 on bad ids and queries', async () => {
    expect((await t.http().post(`/api/working-groups/${UNKNOWN_ID}/archive`)).status).toBe(401);
    expect((await t.http().post(`/api/working-groups/${UNKNOWN_ID}/unarchive`)).status).toBe(401);
    const badId = await as(coordinator).post('/api/working-groups/not-a-uuid/archive');
    expect(badId.status).toBe(400);
    expect(badId.body.code).toBe('VALIDATION_FAILED');
    const badQuery = await as(coordinator).get('/api/working-groups?archived=perhaps');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details).toEqual([expect.objectContaining({ field: 'archived' })]);
    const badKind = await as(coordinator).post('/api/working-groups', {
      name: 'Secret society',
      thematicArea: 'other',
      visibility: 'secret',
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details).toEqual([expect.objectContaining({ field: 'visibility' })]);
    expect((await as(coordinator).post(`/api/working-groups/${UNKNOWN_ID}/archive`)).status).toBe(404);
  });

  it('a hidden group is invisible to outsiders: not listed, not found by name, its page and insides 404', async () => {
    const group = await t.fx.group(coordinator, { name: 'Quiet Hidden Circle', visibility: 'hidden' });
    expect(group.visibility).toBe('hidden');
    const insider = await t.fx.member({ displayName: 'Hidden Insider' });
    const outsider = await t.fx.member({ displayName: 'Hidden Outsider' });
    await t.fx.addMember(group, insider);
    const documentId = (
      await t.fx.document(coordinator, { groupId: group.id, visibility: 'group', title: 'Quiet plan' })
    ).id;
    const meeting = await t.fx.meeting(coordinator, group.id, { title: 'Quiet meeting' });
    await t.fx.message(coordinator, group.roomId, 'quiet words');

    // Outsider: no trace anywhere.
    expect(await listed(outsider)).not.toContain(group.id);
    expect(await listed(outsider, '&q=Quiet')).toEqual([]);
    for (const path of [
      `/api/working-groups/${group.id}`,
      `/api/working-groups/${group.id}/members`,
      `/api/working-groups/${group.id}/polls`,
      `/api/documents/${documentId}`,
      `/api/meetings/${meeting.id}`,
      `/api/rooms/${group.roomId}`,
      `/api/rooms/${group.roomId}/messages`,
    ]) {
      const response = await as(outsider).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const join = await as(outsider).post(`/api/working-groups/${group.id}/join`);
    expect(join.status).toBe(404);
    expect(join.body.code).toBe('WORKING_GROUP_NOT_FOUND');
    expect((await as(outsider).post(`/api/working-groups/${group.id}/leave`)).status).toBe(404);
    const documents = await as(outsider).get(`/api/documents?workingGroupId=${group.id}`);
    expect(documents.body.items ?? []).toEqual([]);
    const meetings = await as(outsider).get(`/api/meetings?workingGroupId=${group.id}`);
    expect(meetings.body.items ?? []).toEqual([]);
    const search = await as(outsider).get('/api/search?q=quiet').expect(200);
    expect([...search.body.messages, ...search.body.documents]).toEqual([]);
    expect(await sql(t.databaseUrl, 'SELECT 1 FROM working_group_members WHERE member_id = $1', [outsider.id])).toEqual(
      [],
    );

    // Insider (added, never asked) and network staff see all of it.
    expect(await listed(insider)).toContain(group.id);
    expect(await listed(coordinator)).toContain(group.id);
    for (const m of [insider, coordinator]) {
      expect((await as(m).get(`/api/working-groups/${group.id}`)).status).toBe(200);
      expect((await as(m).get(`/api/documents/${documentId}`)).status).toBe(200);
      expect((await as(m).get(`/api/meetings/${meeting.id}`)).status).toBe(200);
      expect((await as(m).get(`/api/rooms/${group.roomId}/messages`)).status).toBe(200);
      const found = await as(m).get('/api/search?q=quiet').expect(200);
      expect(found.body.messages.length + found.body.documents.length).toBeGreaterThan(0);
    }

    // A hidden group's documents are for its members only, whatever is asked.
    const widened = await as(coordinator).patch(`/api/documents/${documentId}`, { visibility: 'network' });
    expect(widened.status).toBe(400);
    expect(widened.body.details).toEqual([expect.objectContaining({ field: 'visibility' })]);
  });

  it('a group turned hidden disappears for outsiders; a pending request keeps it in its requester’s sight', async () => {
    const group = await t.fx.group(coordinator, { name: 'Turning Hidden', visibility: 'private' });
    const requester = await t.fx.member();
    const outsider = await t.fx.member();
    await as(requester).post(`/api/working-groups/${group.id}/join`).expect(202);
    await as(coordinator).patch(`/api/working-groups/${group.id}`, { visibility: 'hidden' }).expect(200);
    expect(await listed(outsider)).not.toContain(group.id);
    expect((await as(outsider).get(`/api/working-groups/${group.id}`)).status).toBe(404);
    const mine = await as(requester).get(`/api/working-groups/${group.id}`).expect(200);
    expect(mine.body.myMembership).toEqual({ role: 'member', status: 'pending' });
    // Staff, who see every group, join a hidden one at once.
    const other = await t.fx.member({ role: 'coordinator' });
    const joined = await as(other).post(`/api/working-groups/${group.id}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ status: 'active', role: 'member' });
  });

  it('coordinators and leads add members found by a name in any script, and remove them; members may not', async () => {
    const lead = await t.fx.member({ displayName: 'Desk Lead' });
    const group = await t.fx.group(coordinator, { name: 'People Desk', visibility: 'private' });
    await t.fx.addMember(group, lead, { role: 'lead' });
    const wang = await t.fx.member({ displayName: '王小明', country: 'CN' });
    const ivanova = await t.fx.member({ displayName: 'Мария Иванова', country: 'RU' });
    const plain = await t.fx.member({ displayName: 'Plain Member' });
    await t.fx.addMember(group, plain);

    // The picker searches the directory, which folds case and width in every script.
    const byHan = await as(lead)
      .get(`/api/members?q=${encodeURIComponent('小明')}`)
      .expect(200);
    expect(byHan.body.items.map((m: { id: string }) => m.id)).toEqual([wang.id]);
    const byCyrillic = await as(lead)
      .get(`/api/members?q=${encodeURIComponent('ИВАНОВА')}`)
      .expect(200);
    expect(byCyrillic.body.items.map((m: { id: string }) => m.id)).toEqual([ivanova.id]);

    // A lead (not network staff) adds; a coordinator who is not in the group adds too.
    const other = await t.fx.member({ role: 'coordinator' });
    const added = await as(lead).post(`/api/working-groups/${group.id}/members`, { memberId: wang.id });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ memberId: wang.id, displayName: '王小明', role: 'member', status: 'active' });
    await as(other).post(`/api/working-groups/${group.id}/members`, { memberId: ivanova.id }).expect(201);
    const again = await as(lead).post(`/api/working-groups/${group.id}/members`, { memberId: wang.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_A_MEMBER');
    const byMember = await as(plain).post(`/api/working-groups/${group.id}/members`, { memberId: coordinator.id });
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('NOT_A_GROUP_LEAD');
    const rows = await sql(
      t.databaseUrl,
      `SELECT member_id FROM working_group_members WHERE working_group_id = $1 AND status = 'active'`,
      [group.id],
    );
    expect(rows.map((r) => r.member_id).sort()).toEqual(
      [coordinator.id, lead.id, plain.id, wang.id, ivanova.id].sort(),
    );
    // The added members are in the group's room.
    expect((await as(wang).get(`/api/rooms/${group.roomId}/messages`)).status).toBe(200);

    expect((await as(plain).delete(`/api/working-groups/${group.id}/members/${wang.id}`)).status).toBe(403);
    await as(lead).delete(`/api/working-groups/${group.id}/members/${wang.id}`).expect(204);
    expect((await as(wang).get(`/api/rooms/${group.roomId}/messages`)).status).toBe(404);
    expect((await as(wang).get(`/api/working-groups/${group.id}`).expect(200)).body.myMembership).toBeNull();
  });

  it('leads edit name, description and kind; the room takes the new name; members get 403', async () => {
    const group = await t.fx.group(coordinator, { name: 'Old Desk Name', visibility: 'public' });
    const member = await t.fx.member();
    await t.fx.join(group, member);
    const refused = await as(member).patch(`/api/working-groups/${group.id}`, { name: 'Mine now' });
    expect(refused.status).toBe(403);
    const cleared = await as(coordinator).patch(`/api/working-groups/${group.id}`, { name: null });
    expect(cleared.status).toBe(400);
    const edited = await as(coordinator).patch(`/api/working-groups/${group.id}`, {
      name: '低碳城市专家组',
      description: 'Новое описание',
      visibility: 'hidden',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '低碳城市专家组', description: 'Новое описание', visibility: 'hidden' });
    const [stored] = await sql(
      t.databaseUrl,
      'SELECT name, description, visibility FROM working_groups WHERE id = $1',
      [group.id],
    );
    expect(stored).toEqual({ name: '低碳城市专家组', description: 'Новое описание', visibility: 'hidden' });
    const room = await as(member).get(`/api/rooms/${group.roomId}`).expect(200);
    expect(room.body.name).toBe('低碳城市专家组');
  });

  it('archived: kept and readable to members, listed under the archived filter, closed to anything new', async () => {
    const group = await t.fx.group(coordinator, { name: 'Archive Desk', visibility: 'private' });
    const member = await t.fx.member();
    const newcomer = await t.fx.member();
    await t.fx.join(group, member);
    const documentId = (await t.fx.document(member, { groupId: group.id, visibility: 'group' })).id;
    await t.fx.message(member, group.roomId, 'before the archive');

    expect((await as(member).post(`/api/working-groups/${group.id}/archive`)).status).toBe(403);
    const archived = await as(coordinator).post(`/api/working-groups/${group.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(await listed(member)).not.toContain(group.id);
    expect(await listed(member, '&archived=true')).toEqual([group.id]);

    // Readable to its members.
    expect((await as(member).get(`/api/working-groups/${group.id}`)).status).toBe(200);
    expect((await as(member).get(`/api/documents/${documentId}`)).status).toBe(200);
    const history = await as(member).get(`/api/rooms/${group.roomId}/messages`).expect(200);
    expect(history.body.items.map((m: { body: string }) => m.body)).toContain('before the archive');

    // Closed to anything new.
    const closed = [
      await as(newcomer).post(`/api/working-groups/${group.id}/join`),
      await as(coordinator).post(`/api/working-groups/${group.id}/members`, { memberId: newcomer.id }),
      await as(coordinator).post(`/api/working-groups/${group.id}/meetings`, {
        title: 'After the end',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        timeZone: 'UTC',
        agenda: [],
      }),
      await as(coordinator).post(`/api/working-groups/${group.id}/polls`, {
        title: 'When?',
        timeZone: 'UTC',
        options: [
          {
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          },
        ],
      }),
    ];
    expect(closed.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([409, 'GROUP_ARCHIVED']));
    const upload = await t
      .http()
      .post('/api/documents')
      .set('Authorization', member.auth)
      .field('title', 'Late plan')
      .field('kind', 'report')
      .field('visibility', 'group')
      .field('workingGroupId', group.id)
      .attach('file', Buffer.from('late\n'), { filename: 'late.txt', contentType: 'text/plain' });
    expect([upload.status, upload.body.code]).toEqual([409, 'GROUP_ARCHIVED']);
    const post = await as(member).post(`/api/rooms/${group.roomId}/messages`, { clientId: randomUUID(), body: 'hi' });
    expect([post.status, post.body.code]).toEqual([409, 'ROOM_ARCHIVED']);
    expect(await sql(t.databaseUrl, 'SELECT 1 FROM meetings WHERE working_group_id = $1', [group.id])).toEqual([]);

    // Brought back, it takes new things again.
    const back = await as(coordinator).post(`/api/working-groups/${group.id}/unarchive`);
    expect(back.status).toBe(200);
    expect(back.body.archivedAt).toBeNull();
    expect(await listed(member)).toContain(group.id);
    await as(member).post(`/api/rooms/${group.roomId}/messages`, { clientId: randomUUID(), body: 'back' }).expect(201);
    await as(newcomer).post(`/api/working-groups/${group.id}/join`).expect(202);
    const audit = await sql(
      t.databaseUrl,
      `SELECT action FROM audit_entries WHERE target_id = $1 AND action LIKE 'working_group.%archived' ORDER BY created_at`,
      [group.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['working_group.archived', 'working_group.unarchived']);
  });

  it('a join request notifies the group’s leads and the network’s staff by name; their count updates live', async () => {
    const group = await t.fx.group(coordinator, { name: 'Request Desk', visibility: 'private' });
    const lead = await t.fx.member({ displayName: 'Request Lead' });
    await t.fx.addMember(group, lead, { role: 'lead' });
    const member = await t.fx.member({ displayName: 'Plain Insider' });
    await t.fx.addMember(group, member);
    const asker = await t.fx.member({ displayName: 'Азжаргал Болд' });
    const admin = await t.fx.admin();

    const leadSocket = await socketOf(lead);
    const staffSocket = await socketOf(coordinator);

    const leadHears = waitForEvent(leadSocket, 'group.requests.updated', (p) => p.workingGroupId === group.id);
    const staffHears = waitForEvent(staffSocket, 'group.requests.updated', (p) => p.workingGroupId === group.id);
    await as(asker).post(`/api/working-groups/${group.id}/join`).expect(202);
    expect(await leadHears).toEqual({ workingGroupId: group.id, pendingCount: 1 });
    expect(await staffHears).toEqual({ workingGroupId: group.id, pendingCount: 1 });

    for (const decider of [lead, coordinator, admin]) {
      const inbox = (await as(decider).get('/api/notifications?limit=100').expect(200)).body
        .items as NotificationResponse[];
      expect(inbox.find((n) => n.type === 'group_join_requested' && n.data.workingGroupId === group.id)).toMatchObject({
        data: { memberId: asker.id, memberName: 'Азжаргал Болд', groupName: 'Request Desk' },
      });
    }
    for (const bystander of [member, asker]) {
      const inbox = (await as(bystander).get('/api/notifications?limit=100').expect(200)).body
        .items as NotificationResponse[];
      expect(inbox.filter((n) => n.type === 'group_join_requested')).toEqual([]);
    }

    // Only those who decide see the count.
    expect((await as(lead).get(`/api/working-groups/${group.id}`)).body.pendingRequestCount).toBe(1);
    expect((await as(coordinator).get(`/api/working-groups/${group.id}`)).body.pendingRequestCount).toBe(1);
    expect((await as(member).get(`/api/working-groups/${group.id}`)).body.pendingRequestCount).toBeNull();
    const inList = ((await as(lead).get('/api/working-groups?limit=100')).body.items as WorkingGroupResponse[]).find(
      (g) => g.id === group.id,
    );
    expect(inList?.pendingRequestCount).toBe(1);
    // The desk's filter: groups where requests wait for my decision.
    expect(await listed(lead, '&awaiting=true')).toEqual([group.id]);
    expect(await listed(coordinator, '&awaiting=true')).toContain(group.id);
    expect(await listed(member, '&awaiting=true')).toEqual([]);

    // A second request, then a decline and an approval: the count follows each.
    const second = await t.fx.member();
    const two = waitForEvent(leadSocket, 'group.requests.updated', (p) => p.pendingCount === 2);
    await as(second).post(`/api/working-groups/${group.id}/join`).expect(202);
    await two;
    const one = waitForEvent(leadSocket, 'group.requests.updated', (p) => p.pendingCount === 1);
    await as(lead).delete(`/api/working-groups/${group.id}/members/${second.id}`).expect(204);
    await one;
    const none = waitForEvent(staffSocket, 'group.requests.updated', (p) => p.pendingCount === 0);
    await as(lead).post(`/api/working-groups/${group.id}/members/${asker.id}/approve`).expect(200);
    await none;
    expect((await as(lead).get(`/api/working-groups/${group.id}`)).body.pendingRequestCount).toBe(0);
    expect(await listed(lead, '&awaiting=true')).toEqual([]);
  });
});

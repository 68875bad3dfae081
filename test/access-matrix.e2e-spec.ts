import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectSocket, emitAck, type TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * What a membership, a role or a group's visibility grants ends when it ends — on every channel at once — and
 * comes back when it is granted again. Each state change is followed by the same look through every channel.
 */
describe('access follows every change of membership, role, state and visibility', () => {
  let t: TestApp;
  let lead: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Group Lead' });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (m: TestMember) => ({
    get: (path: string) => t.http().get(path).set('Authorization', m.auth),
    post: (path: string, body: object = {}) => t.http().post(path).set('Authorization', m.auth).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('Authorization', m.auth).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', m.auth),
  });

  /** A plan of the group whose title and text carry `word`, for search. */
  const upload = async (m: TestMember, groupId: string, visibility: 'group' | 'network' | 'public', word: string) =>
    (await t.fx.document(m, { groupId, visibility, title: `Plan ${word}`, text: `the ${word} strategy\n` })).id;

  /** A meeting of the group with its room, and a message in the group room and in the meeting room. */
  async function meetingWithRooms(groupId: string, groupRoomId: string, word: string) {
    const meeting = await t.fx.meeting(lead, groupId, { title: `Meeting ${word}`, timeZone: 'Asia/Tokyo' });
    const room = await t.fx.meetingRoom(lead, meeting.id);
    for (const roomId of [groupRoomId, room.id]) await t.fx.message(lead, roomId, `minutes ${word} ${roomId}`);
    return { meetingId: meeting.id, meetingRoomId: room.id };
  }

  /** Everything a member can reach of one group's meeting, rooms and document, through every channel. */
  async function look(
    m: TestMember,
    f: { meetingId: string; meetingRoomId: string; groupRoomId: string; documentId: string; word: string },
  ) {
    const me = as(m);
    const feedUrl = (await me.get('/api/calendar/feed').expect(200)).body.url as string;
    const feed = await t.http().get(new URL(feedUrl).pathname);
    const meetings = await me.get('/api/meetings?limit=100');
    const rooms = await me.get('/api/rooms?limit=100');
    const documents = await me.get('/api/documents?limit=100');
    const search = await me.get(`/api/search?q=${f.word}`).expect(200);
    return {
      meeting: (await me.get(`/api/meetings/${f.meetingId}`)).status,
      ics: (await me.get(`/api/meetings/${f.meetingId}/ics`)).status,
      inFeed: feed.status === 200 && feed.text.includes(f.meetingId),
      inMeetingList: (meetings.body.items as { id: string }[]).some((x) => x.id === f.meetingId),
      meetingRoom: (await me.get(`/api/rooms/${f.meetingRoomId}/messages`)).status,
      groupRoom: (await me.get(`/api/rooms/${f.groupRoomId}/messages`)).status,
      postInMeetingRoom: (
        await me.post(`/api/rooms/${f.meetingRoomId}/messages`, { clientId: randomUUID(), body: 'still here?' })
      ).status,
      inRoomList: (rooms.body.items as { id: string }[]).filter((r) => [f.meetingRoomId, f.groupRoomId].includes(r.id))
        .length,
      document: (await me.get(`/api/documents/${f.documentId}`)).status,
      download: (await me.get(`/api/documents/${f.documentId}/download`)).status,
      inDocumentList: (documents.body.items as { id: string }[]).some((d) => d.id === f.documentId),
      messageHits: (search.body.messages as { roomId: string }[]).filter((h) =>
        [f.meetingRoomId, f.groupRoomId].includes(h.roomId),
      ).length,
      documentHits: (search.body.documents as { id: string }[]).filter((d) => d.id === f.documentId).length,
    };
  }

  const granted = {
    meeting: 200,
    ics: 200,
    inFeed: true,
    inMeetingList: true,
    meetingRoom: 200,
    groupRoom: 200,
    postInMeetingRoom: 201,
    inRoomList: 2,
    document: 200,
    download: 200,
    inDocumentList: true,
    messageHits: 2,
    documentHits: 1,
  };
  const denied = {
    meeting: 404,
    ics: 404,
    inFeed: false,
    inMeetingList: false,
    meetingRoom: 404,
    groupRoom: 404,
    postInMeetingRoom: 404,
    inRoomList: 0,
    document: 404,
    download: 404,
    inDocumentList: false,
    messageHits: 0,
    documentHits: 0,
  };

  it('a member of a private group: joined → removed → rejoined (and left)', async () => {
    const word = 'tundra';
    const group = await t.fx.group(lead, { name: 'Matrix Private', visibility: 'private' });
    const member = await t.fx.member({ displayName: 'Removed Member' });
    await t.fx.join(group, member);
    const documentId = await upload(lead, group.id, 'group', word);
    const { meetingId, meetingRoomId } = await meetingWithRooms(group.id, group.roomId, word);
    const f = { meetingId, meetingRoomId, groupRoomId: group.roomId, documentId, word };
    expect(await look(member, f)).toEqual(granted);

    await as(lead).delete(`/api/working-groups/${group.id}/members/${member.id}`).expect(204);
    expect(await look(member, f)).toEqual(denied);

    await t.fx.join(group, member);
    expect(await look(member, f)).toEqual(granted);

    await as(member).post(`/api/working-groups/${group.id}/leave`).expect(204);
    expect(await look(member, f)).toEqual(denied);
  });

  it('a hidden group: an added member reaches everything; an outsider, or the member once removed, not even the group', async () => {
    const word = 'gobi';
    const group = await t.fx.group(lead, { name: 'Matrix Hidden', visibility: 'hidden' });
    const member = await t.fx.member({ displayName: 'Added Member' });
    const outsider = await t.fx.member({ displayName: 'Hidden Outsider' });
    await t.fx.addMember(group, member);
    const documentId = await upload(lead, group.id, 'group', word);
    const { meetingId, meetingRoomId } = await meetingWithRooms(group.id, group.roomId, word);
    const f = { meetingId, meetingRoomId, groupRoomId: group.roomId, documentId, word };
    const theGroup = async (m: TestMember) => ({
      page: (await as(m).get(`/api/working-groups/${group.id}`)).status,
      listed: ((await as(m).get('/api/working-groups?limit=100')).body.items as { id: string }[]).some(
        (g) => g.id === group.id,
      ),
    });
    expect(await look(member, f)).toEqual(granted);
    expect(await theGroup(member)).toEqual({ page: 200, listed: true });
    expect(await look(outsider, f)).toEqual(denied);
    expect(await theGroup(outsider)).toEqual({ page: 404, listed: false });

    await as(lead).delete(`/api/working-groups/${group.id}/members/${member.id}`).expect(204);
    expect(await look(member, f)).toEqual(denied);
    expect(await theGroup(member)).toEqual({ page: 404, listed: false });
  });

  it('a group made private closes everything inside to outsiders; made public again opens it', async () => {
    const word = 'steppe';
    const group = await t.fx.group(lead, { name: 'Matrix Turning', visibility: 'public' });
    const outsider = await t.fx.member({ displayName: 'Outsider' });
    const documentId = await upload(lead, group.id, 'network', word);
    const { meetingId } = await meetingWithRooms(group.id, group.roomId, word);
    const outside = async () => ({
      meeting: (await as(outsider).get(`/api/meetings/${meetingId}`)).status,
      ics: (await as(outsider).get(`/api/meetings/${meetingId}/ics`)).status,
      document: (await as(outsider).get(`/api/documents/${documentId}`)).status,
      download: (await as(outsider).get(`/api/documents/${documentId}/download`)).status,
      documentHits: ((await as(outsider).get(`/api/search?q=${word}`)).body.documents as unknown[]).length,
      anonymousList: (await t.http().get('/api/documents?limit=100')).body.items.length as number,
    });
    const open = { meeting: 200, ics: 200, document: 200, download: 200, documentHits: 1, anonymousList: 0 };
    expect(await outside()).toEqual(open);
    await as(lead).patch(`/api/working-groups/${group.id}`, { visibility: 'private' }).expect(200);
    expect(await outside()).toEqual({
      meeting: 404,
      ics: 404,
      document: 404,
      download: 404,
      documentHits: 0,
      anonymousList: 0,
    });
    await as(lead).patch(`/api/working-groups/${group.id}`, { visibility: 'public' }).expect(200);
    expect(await outside()).toEqual(open);
  });

  it('a document shared with a second group: its members read it while they are in it, whatever the first group becomes', async () => {
    const word = 'khangai';
    const first = await t.fx.group(lead, { name: 'Matrix First', visibility: 'public' });
    const second = await t.fx.group(lead, { name: 'Matrix Second', visibility: 'private' });
    const member = await t.fx.member({ displayName: 'Second Group Member' });
    await t.fx.addMember(second, member);
    const documentId = (
      await t.fx.document(lead, { groupId: first.id, visibility: 'group', title: `Plan ${word}`, text: `${word}\n` })
    ).id;
    const shared = await as(lead).patch(`/api/documents/${documentId}`, { workingGroupIds: [first.id, second.id] });
    expect(shared.body.workingGroupIds).toEqual([first.id, second.id]);
    const reach = async () => ({
      document: (await as(member).get(`/api/documents/${documentId}`)).status,
      download: (await as(member).get(`/api/documents/${documentId}/download`)).status,
      text: (await as(member).get(`/api/documents/${documentId}/text`)).status,
      versions: (await as(member).get(`/api/documents/${documentId}/versions`)).status,
      inGroupList: ((await as(member).get(`/api/documents?workingGroupId=${second.id}`)).body.items as { id: string }[])
        .map((d) => d.id)
        .includes(documentId),
      documentHits: ((await as(member).get(`/api/search?q=${word}`)).body.documents as { id: string }[]).filter(
        (d) => d.id === documentId,
      ).length,
    });
    const reads = { document: 200, download: 200, text: 200, versions: 200, inGroupList: true, documentHits: 1 };
    const none = { document: 404, download: 404, text: 404, versions: 404, inGroupList: false, documentHits: 0 };
    expect(await reach()).toEqual(reads);
    await as(lead).patch(`/api/working-groups/${first.id}`, { visibility: 'private' }).expect(200);
    expect(await reach()).toEqual(reads);
    await as(lead).delete(`/api/working-groups/${second.id}/members/${member.id}`).expect(204);
    expect(await reach()).toEqual(none);
    await t.fx.addMember(second, member);
    expect(await reach()).toEqual(reads);
  });

  it('a public document of a group made private is closed to anonymous visitors too', async () => {
    const group = await t.fx.group(lead, { name: 'Matrix Published', visibility: 'public' });
    const documentId = await upload(lead, group.id, 'public', 'taiga');
    await t.http().get(`/api/documents/${documentId}`).expect(200);
    await as(lead).patch(`/api/working-groups/${group.id}`, { visibility: 'private' }).expect(200);
    await t.http().get(`/api/documents/${documentId}`).expect(404);
    await t.http().get(`/api/documents/${documentId}/download`).expect(404);
  });

  it('a member suspended and reinstated: no access while suspended, all of it back after', async () => {
    const word = 'permafrost';
    const group = await t.fx.group(lead, { name: 'Matrix Suspended', visibility: 'private' });
    const member = await t.fx.member({ displayName: 'Suspended Member' });
    await t.fx.join(group, member);
    const documentId = await upload(lead, group.id, 'group', word);
    const { meetingId, meetingRoomId } = await meetingWithRooms(group.id, group.roomId, word);
    const f = { meetingId, meetingRoomId, groupRoomId: group.roomId, documentId, word };
    const feedUrl = (await as(member).get('/api/calendar/feed').expect(200)).body.url as string;
    const admin = await t.fx.admin();

    await as(admin).post(`/api/members/${member.id}/suspend`).expect(200);
    await as(member).get(`/api/meetings/${meetingId}`).expect(401);
    const feed = await t.http().get(new URL(feedUrl).pathname);
    expect(feed.text).not.toContain(meetingId);
    await t.http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(403);

    await as(admin).post(`/api/members/${member.id}/reinstate`).expect(200);
    const back = await t.fx.login(member.email, member.password);
    expect(await look(back, f)).toEqual(granted);
  });

  it('a coordinator demoted to member loses what the role granted, at once', async () => {
    const word = 'glacier';
    const group = await t.fx.group(lead, { name: 'Matrix Staff', visibility: 'private' });
    const coordinator = await t.fx.member({ role: 'coordinator', displayName: 'Coordinator' });
    const documentId = await upload(lead, group.id, 'group', word);
    const { meetingId } = await meetingWithRooms(group.id, group.roomId, word);
    await as(coordinator).get(`/api/meetings/${meetingId}`).expect(200);
    await as(coordinator).get(`/api/documents/${documentId}`).expect(200);
    const admin = await t.fx.admin();
    await as(admin).patch(`/api/members/${coordinator.id}/role`, { role: 'member' }).expect(200);
    await as(coordinator).get(`/api/meetings/${meetingId}`).expect(404);
    await as(coordinator).get(`/api/meetings/${meetingId}/ics`).expect(404);
    await as(coordinator).get(`/api/documents/${documentId}`).expect(404);
    const search = await as(coordinator).get(`/api/search?q=${word}`).expect(200);
    expect(search.body.documents).toEqual([]);
  });

  it('an invitation by name outlasts the group membership; one that came with the group does not', async () => {
    const group = await t.fx.group(lead, { name: 'Matrix By Name', visibility: 'private' });
    const guest = await t.fx.member({ displayName: 'Guest by name' });
    const member = await t.fx.member({ displayName: 'Member with the group' });
    await t.fx.join(group, member);
    const meeting = await t.fx.meeting(lead, group.id, {
      title: 'With a guest',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      inviteeIds: [guest.id],
    });
    await as(guest).get(`/api/meetings/${meeting.id}`).expect(200);
    await as(member).get(`/api/meetings/${meeting.id}`).expect(200);
    await as(lead).delete(`/api/working-groups/${group.id}/members/${member.id}`).expect(204);
    await as(member).get(`/api/meetings/${meeting.id}`).expect(404);
    await as(guest).get(`/api/meetings/${meeting.id}`).expect(200);
    // A change reaches the guest and no longer the removed member.
    await as(lead).patch(`/api/meetings/${meeting.id}`, { venue: 'Ulaanbaatar' }).expect(200);
    const notified = async (m: TestMember) =>
      ((await as(m).get('/api/notifications?limit=100')).body.items as { data: { meetingId?: string }; type: string }[])
        .filter((n) => n.data.meetingId === meeting.id)
        .map((n) => n.type);
    expect(await notified(guest)).toContain('meeting_updated');
    expect(await notified(member)).not.toContain('meeting_updated');
  });

  it("a document moves out of a private group only by its leads, audited; moved, it follows the new group's members", async () => {
    const from = await t.fx.group(lead, { name: 'Matrix Source', visibility: 'private' });
    const to = await t.fx.group(lead, { name: 'Matrix Target', visibility: 'private' });
    const uploader = await t.fx.member({ displayName: 'Uploader' });
    const reader = await t.fx.member({ displayName: 'Reader in the target' });
    await t.fx.join(from, uploader);
    await t.fx.join(to, reader);
    const documentId = await upload(uploader, from.id, 'group', 'fjord');

    const detached = await as(uploader).patch(`/api/documents/${documentId}`, {
      workingGroupId: null,
      visibility: 'public',
    });
    expect(detached.status).toBe(403);
    expect(detached.body.code).toBe('DOCUMENT_EDIT_FORBIDDEN');
    await t.http().get(`/api/documents/${documentId}`).expect(404);

    await as(reader).get(`/api/documents/${documentId}`).expect(404);
    await as(lead).patch(`/api/documents/${documentId}`, { workingGroupId: to.id }).expect(200);
    await as(reader).get(`/api/documents/${documentId}`).expect(200);
    await as(uploader).get(`/api/documents/${documentId}`).expect(404);
    const [entry] = await sql<{ action: string; actor_id: string; details: { from: { workingGroupId: string } } }>(
      t.databaseUrl,
      `SELECT action, actor_id, details FROM audit_entries WHERE target_id = $1`,
      [documentId],
    );
    expect(entry).toMatchObject({
      action: 'document.moved',
      actor_id: lead.id,
      details: { from: { workingGroupId: from.id } },
    });
  });
});

describe('live sockets obey the current session, role and state', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a password change closes the sockets of the other sessions, not of the one that changed it', async () => {
    const member = await t.fx.member();
    const other = await t.fx.login(member.email, member.password);
    const kept = await connectSocket(t.url, member.accessToken);
    const ended = await connectSocket(t.url, other.accessToken);
    try {
      const closed = new Promise((resolve) => ended.once('disconnect', resolve));
      await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', member.auth)
        .send({ currentPassword: member.password, newPassword: 'a-new-Passphrase-for-Ulaanbaatar-7' })
        .expect(204);
      await closed;
      expect(kept.connected).toBe(true);
      const ack = await emitAck(kept, 'room.join', { roomId: randomUUID() });
      expect(ack).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
    } finally {
      kept.close();
      ended.close();
    }
  });

  it('a coordinator demoted over REST can no longer moderate over an already open socket', async () => {
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const author = await t.fx.member();
    const owner = await t.fx.member();
    const { id: roomId } = await t.fx.room(owner, { name: 'Moderated', visibility: 'public' });
    const socket = await connectSocket(t.url, coordinator.accessToken);
    try {
      expect((await emitAck(socket, 'room.join', { roomId })).ok).toBe(true);
      const first = await t.fx.message(author, roomId, 'first');
      const second = await t.fx.message(author, roomId, 'second');
      expect((await emitAck(socket, 'message.delete', { messageId: first.id })).ok).toBe(true);
      const admin = await t.fx.admin();
      await t
        .http()
        .patch(`/api/members/${coordinator.id}/role`)
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(200);
      const refused = await emitAck(socket, 'message.delete', { messageId: second.id });
      expect(refused.ok).toBe(false);
      const [row] = await sql<{ deleted_at: Date | null }>(
        t.databaseUrl,
        `SELECT deleted_at FROM messages WHERE id = $1`,
        [second.id],
      );
      expect(row!.deleted_at).toBeNull();
    } finally {
      socket.close();
    }
  });

  it('a socket whose session ended in the database answers its next event with UNAUTHORIZED and closes', async () => {
    const member = await t.fx.member();
    const socket = await connectSocket(t.url, member.accessToken);
    try {
      const closed = new Promise((resolve) => socket.once('disconnect', resolve));
      // Ended behind the portal's back (no event): only the check before each event can notice.
      await sql(t.databaseUrl, `UPDATE auth_sessions SET revoked_at = now() WHERE member_id = $1`, [member.id]);
      const ack = await emitAck(socket, 'room.join', { roomId: randomUUID() });
      expect(ack).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      await closed;
    } finally {
      socket.close();
    }
  });
});

describe('a session that must change its password', () => {
  it('cannot open a socket until it has', async () => {
    const printed: string[] = [];
    const t = await createTestApp({
      embeddedDatabase: true,
      env: { ADMIN_EMAIL: null, ADMIN_PASSWORD: null },
      announce: (text) => printed.push(text),
    });
    try {
      const text = printed.join('\n');
      const email = /e-mail:\s+(\S+)/.exec(text)![1]!;
      const password = /password:\s+(\S+)/.exec(text)![1]!;
      const admin = await t.fx.login(email, password);
      const refusal = await connectSocket(t.url, admin.accessToken).then(
        () => null,
        (error: Error & { data?: { code?: string } }) => error.data?.code,
      );
      expect(refusal).toBe('PASSWORD_CHANGE_REQUIRED');
      await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', admin.auth)
        .send({ currentPassword: password, newPassword: 'my-own-Admin-passphrase-9' })
        .expect(204);
      const socket = await connectSocket(t.url, admin.accessToken);
      socket.close();
    } finally {
      await t.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  // Straight to stderr: jest drops the console output of a file whose tests were all skipped.
  process.stderr.write('access matrix on two instances SKIPPED: REDIS_URL is not set (CI provides Redis)\n');
}

(redisUrl ? describe : describe.skip)('changes on one instance reach live sockets on the other', () => {
  let a: TestApp;
  let b: TestApp;
  let lead: TestMember;

  beforeAll(async () => {
    // Its own stream and channels: suites running at the same time on one Redis never hear each other.
    const env = { REDIS_URL: redisUrl!, REDIS_PREFIX: `test-${randomUUID()}` };
    a = await createTestApp({ env });
    b = await createTestApp({ env, databaseUrl: a.databaseUrl });
    lead = await a.fx.member({ role: 'coordinator', displayName: 'Lead on A' });
  });
  afterAll(async () => {
    await b.stop();
    await a.close();
  });

  it("removed from a private group on A: the socket on B leaves the meeting's room and hears nothing more", async () => {
    const member = await a.fx.member({ displayName: 'Member on B' });
    const group = await a.fx.group(lead, { name: 'Two Instance Private', visibility: 'private' });
    await a.fx.join(group, member);
    const meeting = await a.fx.meeting(lead, group.id, {
      title: 'Across instances',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const { id: roomId } = await a.fx.meetingRoom(lead, meeting.id);
    const onB = await connectSocket(b.url, member.accessToken);
    const leadOnA = await connectSocket(a.url, lead.accessToken);
    try {
      expect((await emitAck(onB, 'room.join', { roomId })).ok).toBe(true);
      expect((await emitAck(leadOnA, 'room.join', { roomId })).ok).toBe(true);
      const heard: string[] = [];
      onB.on('message.created', (m) => heard.push(m.body));
      onB.on('meeting.updated', () => heard.push('meeting.updated'));
      await a
        .http()
        .delete(`/api/working-groups/${group.id}/members/${member.id}`)
        .set('Authorization', lead.auth)
        .expect(204);
      // The lead's own copy of the message is the barrier: by then B has handled the channel change, or never will.
      const barrier = new Promise((resolve) =>
        leadOnA.on('message.created', (m) => m.body === 'after removal' && resolve(m)),
      );
      await emitAck(leadOnA, 'message.send', { roomId, clientId: randomUUID(), body: 'after removal' });
      await a
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .set('Authorization', lead.auth)
        .send({ venue: 'Online' })
        .expect(200);
      await barrier;
      const sent = await emitAck(onB, 'message.send', { roomId, clientId: randomUUID(), body: 'may I?' });
      expect(sent).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
      expect(heard).toEqual([]);
    } finally {
      onB.close();
      leadOnA.close();
    }
  });

  it("a password change on A closes the other sessions' sockets on B", async () => {
    const member = await a.fx.member();
    const elsewhere = await b.fx.login(member.email, member.password);
    const onB = await connectSocket(b.url, elsewhere.accessToken);
    const closed = new Promise((resolve) => onB.once('disconnect', resolve));
    await a
      .http()
      .post('/api/auth/password')
      .set('Authorization', member.auth)
      .send({ currentPassword: member.password, newPassword: 'another-Passphrase-from-Irkutsk-3' })
      .expect(204);
    await closed;
    expect(onB.connected).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  barrier,
  collect,
  connectSocket,
  emitAck,
  type PortalClient,
  type TestGroup,
  type TestMember,
  waitForEvent,
} from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  // Straight to stderr: jest drops the console output of a file whose tests were all skipped.
  process.stderr.write(
    'discussions scale-out suite SKIPPED: REDIS_URL is not set (it needs a Redis server; CI provides one)\n',
  );
}
const suite = redisUrl ? describe : describe.skip;

suite('discussions on two instances joined by the Redis Streams adapter', () => {
  let a: TestApp;
  let b: TestApp;
  let lead: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let group: TestGroup;
  let groupId: string;
  let roomId: string;
  const sockets: PortalClient[] = [];

  beforeAll(async () => {
    // Its own stream and channels: suites running at the same time on one Redis never hear each other.
    const env = { REDIS_URL: redisUrl!, REDIS_PREFIX: `test-${randomUUID()}` };
    a = await createTestApp({ env });
    b = await createTestApp({ env, databaseUrl: a.databaseUrl });
    lead = await a.fx.member({ role: 'coordinator' });
    alice = await a.fx.member({ displayName: 'Alice on A' });
    bob = await a.fx.member({ displayName: 'Bob on B' });
    group = await a.fx.group(lead, { name: 'Two Instances' });
    groupId = group.id;
    roomId = group.roomId;
    for (const m of [alice, bob]) await a.fx.join(group, m);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b.stop();
    await a.close();
  });

  const on = async (app: TestApp, m: TestMember) => {
    const socket = await connectSocket(app.url, m.accessToken);
    sockets.push(socket);
    expect((await emitAck(socket, 'room.join', { roomId })).ok).toBe(true);
    return socket;
  };

  it('members on different instances chat, see typing, presence and the same unread counts', async () => {
    const onA = await on(a, alice);
    const presence = waitForEvent(onA, 'presence', (p) => p.memberId === bob.id && p.status === 'online');
    const onB = await on(b, bob);
    await presence;

    const atB = waitForEvent(onB, 'message.created', (m) => m.body === 'from A');
    const sent = await emitAck(onA, 'message.send', { roomId, clientId: randomUUID(), body: 'from A' });
    expect(sent.ok).toBe(true);
    expect((await atB).author?.id).toBe(alice.id);
    const atA = waitForEvent(onA, 'message.created', (m) => m.body === 'from B');
    await emitAck(onB, 'message.send', { roomId, clientId: randomUUID(), body: 'from B' });
    await atA;

    const typing = waitForEvent(onA, 'typing', (p) => p.memberId === bob.id);
    await emitAck(onB, 'typing', { roomId });
    expect(await typing).toMatchObject({ roomId, displayName: 'Bob on B' });

    const viaA = (await a.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body.unreadCount;
    const viaB = (await b.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body.unreadCount;
    expect(viaA).toBe(viaB);
    const bobElsewhere = await connectSocket(a.url, bob.accessToken);
    sockets.push(bobElsewhere);
    const pushed = waitForEvent(bobElsewhere, 'unread.updated', (p) => p.roomId === roomId);
    await emitAck(onB, 'room.read', { roomId, seq: 1 });
    expect((await pushed).roomId).toBe(roomId);

    const offline = waitForEvent(onA, 'presence', (p) => p.memberId === bob.id && p.status === 'offline');
    onB.close();
    bobElsewhere.close();
    await offline;
  });

  it('a member who loses the connection on B and comes back on A misses nothing', async () => {
    const bobOnB = await on(b, bob);
    const joined = await emitAck(bobOnB, 'room.join', { roomId });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    bobOnB.close();
    const aliceOnA = await on(a, alice);
    const sent: number[] = [];
    for (let n = 0; n < 30; n += 1) {
      const ack = await emitAck(aliceOnA, 'message.send', { roomId, clientId: randomUUID(), body: `while away ${n}` });
      if (ack.ok) sent.push(ack.message.seq);
    }
    const bobOnA = await connectSocket(a.url, bob.accessToken);
    sockets.push(bobOnA);
    const back = await emitAck(bobOnA, 'room.join', { roomId, sinceSeq: joined.lastSeq });
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.messages.map((m) => m.seq)).toEqual(sent);
    expect(back.hasMore).toBe(false);
  });

  it('removing a member on instance A cuts their socket on instance B out of the room at once', async () => {
    const carol = await a.fx.member({ displayName: 'Carol on B' });
    await a.fx.join(group, carol);
    const carolOnB = await on(b, carol);
    const aliceOnA = await on(a, alice);
    // A room Carol keeps: its next message reaches her socket after anything sent before it.
    const { id: directId } = await a.fx.room(alice, { kind: 'direct', memberIds: [carol.id] });
    expect((await emitAck(carolOnB, 'room.join', { roomId: directId })).ok).toBe(true);
    const seen = collect(carolOnB, 'message.created');
    await a
      .http()
      .delete(`/api/working-groups/${groupId}/members/${carol.id}`)
      .set('Authorization', lead.auth)
      .expect(204);
    const marker = waitForEvent(aliceOnA, 'message.created', (m) => m.body === 'after removal');
    await emitAck(aliceOnA, 'message.send', { roomId, clientId: randomUUID(), body: 'after removal' });
    await marker;
    await barrier(
      carolOnB,
      'message.created',
      (m) => m.body === 'barrier',
      () => emitAck(aliceOnA, 'message.send', { roomId: directId, clientId: randomUUID(), body: 'barrier' }),
    );
    expect(seen.map((m) => m.body)).not.toContain('after removal');

    const dave = await a.fx.member();
    const daveOnB = await connectSocket(b.url, dave.accessToken);
    sockets.push(daveOnB);
    const cut = new Promise((resolve) => daveOnB.once('disconnect', resolve));
    await a.http().post(`/api/members/${dave.id}/suspend`).set('Authorization', lead.auth).expect(200);
    await cut;
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import type { MessageResponse, RoomResponse, ThreadSummary } from '@lcc/contracts';
import { collect, connectSocket, emitAck, isOk, type PortalClient, type TestMember, waitForEvent } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('discussions over socket.io and REST', () => {
  let t: TestApp;
  let lead: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let groupId: string;
  let roomId: string;
  const sockets: PortalClient[] = [];

  const connect = async (m: TestMember): Promise<PortalClient> => {
    const socket = await connectSocket(t.url, m.accessToken);
    sockets.push(socket);
    return socket;
  };
  const send = (socket: PortalClient, body: string, extra: Record<string, unknown> = {}) =>
    emitAck(socket, 'message.send', { roomId, clientId: randomUUID(), body, ...extra });

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_SOCKET_BURST: '1000', RATE_LIMIT_SOCKET_PER_SECOND: '1000' } });
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Lead Coordinator' });
    alice = await t.fx.member({ displayName: 'Alice Ulaanbaatar' });
    bob = await t.fx.member({ displayName: 'Bob Vladivostok' });
    const group = await t
      .http()
      .post('/api/working-groups')
      .set('Authorization', lead.auth)
      .send({ name: 'Urban Transport', thematicArea: 'low_carbon_cities', visibility: 'private' })
      .expect(201);
    groupId = group.body.id;
    roomId = group.body.roomId;
    for (const m of [alice, bob]) {
      await t
        .http()
        .post(`/api/working-groups/${groupId}/members`)
        .set('Authorization', lead.auth)
        .send({ memberId: m.id })
        .expect(201);
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('refuses handshakes without, with a forged, or with an expired token, and from a foreign browser origin', async () => {
    const refusal = (token: string | undefined, origin?: string) =>
      connectSocket(t.url, token, { origin }).then(
        (s) => {
          s.close();
          return 'connected';
        },
        (error: { data?: { code?: string } }) => error.data?.code,
      );
    expect(await refusal(undefined)).toBe('UNAUTHORIZED');
    expect(await refusal('not-a-token')).toBe('UNAUTHORIZED');
    const claims = jwt.decode(alice.accessToken) as { sub: string; sid: string };
    const [{ value: secret }] = (await sql(t.databaseUrl, `SELECT value FROM settings WHERE key = 'jwt_secret'`)) as [
      { value: string },
    ];
    const expired = jwt.sign({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 5 }, secret);
    expect(await refusal(expired)).toBe('TOKEN_EXPIRED');
    expect(await refusal(alice.accessToken, 'https://evil.example')).toBe('ORIGIN_NOT_ALLOWED');
    // The portal's own pages connect from the server's own origin without being listed in CORS_ORIGINS.
    expect(await refusal(alice.accessToken, t.url)).toBe('connected');
    expect(await refusal(alice.accessToken)).toBe('connected');
  });

  it('gives each group a room whose members follow the group', async () => {
    expect(roomId).toEqual(expect.any(String));
    const rooms = await t.http().get('/api/rooms').set('Authorization', alice.auth).expect(200);
    expect(rooms.body.items.map((r: RoomResponse) => r.id)).toContain(roomId);
    const room = await t.http().get(`/api/rooms/${roomId}`).set('Authorization', lead.auth).expect(200);
    expect(room.body).toMatchObject({ kind: 'group', workingGroupId: groupId, moderator: true });
    const outsider = await t.fx.member();
    await t.http().get(`/api/rooms/${roomId}`).set('Authorization', outsider.auth).expect(404);
    const socket = await connect(outsider);
    const ack = await emitAck(socket, 'room.join', { roomId });
    expect(ack).toEqual({ ok: false, error: { code: 'ROOM_NOT_FOUND', message: expect.any(String) } });
  });

  it("lists a room's members with their presence, for mentions; outsiders get 404", async () => {
    const socket = await connect(bob);
    await emitAck(socket, 'presence.set', { status: 'away' });
    const members = await t.http().get(`/api/rooms/${roomId}/members`).set('Authorization', alice.auth).expect(200);
    const byId = new Map(members.body.map((m: { memberId: string }) => [m.memberId, m]));
    expect(byId.get(bob.id)).toEqual({
      memberId: bob.id,
      displayName: bob.profile.displayName,
      moderator: false,
      presence: 'away',
    });
    expect(byId.get(lead.id)).toMatchObject({ moderator: true, presence: 'offline' });
    socket.close();
    const outsider = await t.fx.member();
    await t.http().get(`/api/rooms/${roomId}/members`).set('Authorization', outsider.auth).expect(404);
  });

  it('acknowledges a message after the commit and broadcasts it to the room; a resent clientId is stored once', async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    for (const s of [a, b]) expect((await emitAck(s, 'room.join', { roomId })).ok).toBe(true);
    const received = waitForEvent(b, 'message.created', (m) => m.body === 'Сайн байна уу! 你好');
    const clientId = randomUUID();
    const ack = await emitAck(a, 'message.send', { roomId, clientId, body: 'Сайн байна уу! 你好' });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    const stored = await sql(t.databaseUrl, 'SELECT seq, body FROM messages WHERE id = $1', [ack.message.id]);
    expect(stored).toEqual([{ seq: String(ack.message.seq), body: 'Сайн байна уу! 你好' }]);
    expect(await received).toMatchObject({
      id: ack.message.id,
      roomId,
      seq: ack.message.seq,
      author: { id: alice.id },
    });

    const again = await emitAck(a, 'message.send', { roomId, clientId, body: 'Сайн байна уу! 你好' });
    expect(again).toMatchObject({ ok: true, message: { id: ack.message.id, seq: ack.message.seq } });
    const rest = await t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', alice.auth)
      .send({ clientId, body: 'Сайн байна уу! 你好' })
      .expect(201);
    expect(rest.body.seq).toBe(ack.message.seq);
    const count = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM messages WHERE client_id = $1', [clientId]);
    expect(count[0]!.n).toBe(1);
    const reused = await emitAck(a, 'message.send', { roomId, clientId, body: 'something else' });
    expect(reused).toMatchObject({ ok: false, error: { code: 'CLIENT_ID_REUSED' } });
    // The resends took no seq: the next message follows at once, with no gap.
    const next = await emitAck(a, 'message.send', { roomId, clientId: randomUUID(), body: 'next' });
    expect(next).toMatchObject({ ok: true, message: { seq: ack.message.seq + 1 } });
  });

  it('stores a burst of concurrent sends with repeated clientIds once each, gapless and in one sequence', async () => {
    const a = await connect(alice);
    const start = (await t.http().get(`/api/rooms/${roomId}`).set('Authorization', alice.auth)).body.lastSeq as number;
    // 30 sends at once (they go to the database in shared statements), ten of them resends of another's clientId.
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        emitAck(a, 'message.send', { roomId, clientId: ids[i % 20]!, body: `burst ${i % 20}` }),
      ),
    );
    for (const ack of acks) if (!ack.ok) throw new Error(JSON.stringify(ack));
    const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0));
    for (let i = 20; i < 30; i += 1) expect(seqs[i]).toBe(seqs[i - 20]);
    expect([...new Set(seqs)].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
    const stored = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM messages WHERE client_id = ANY($1)', [ids]);
    expect(stored[0]!.n).toBe(20);
  });

  it('gives 20 concurrent senders × 50 messages gapless seqs, seen in the same order by 5 receivers', async () => {
    const senders = await Promise.all(Array.from({ length: 20 }, () => connect(alice)));
    const receivers = await Promise.all(Array.from({ length: 5 }, () => connect(bob)));
    for (const s of [...senders, ...receivers]) await emitAck(s, 'room.join', { roomId });
    const start = (await t.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body.lastSeq as number;
    const seen = receivers.map((r) => collect(r, 'message.created'));
    await Promise.all(
      senders.map(async (s, i) => {
        for (let n = 0; n < 50; n += 1) {
          const ack = await emitAck(s, 'message.send', {
            roomId,
            clientId: randomUUID(),
            body: `sender ${i} message ${n}`,
          });
          if (!ack.ok) throw new Error(JSON.stringify(ack));
        }
      }),
    );
    const expected = Array.from({ length: 1000 }, (_, i) => start + i + 1);
    // Live events of concurrent senders may arrive out of seq order; clients order by seq, and then everyone has
    // the same gapless sequence with the same message at each seq, the same as history.
    const bySeq = (list: MessageResponse[]) => [...list].sort((x, y) => x.seq - y.seq);
    for (const list of seen) {
      for (let waited = 0; list.length < 1000 && waited < 10_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      expect(bySeq(list).map((m) => m.seq)).toEqual(expected);
    }
    for (const list of seen.slice(1)) expect(bySeq(list).map((m) => m.id)).toEqual(bySeq(seen[0]!).map((m) => m.id));
    const history = await t
      .http()
      .get(`/api/rooms/${roomId}/messages`)
      .query({ after: start, limit: 100 })
      .set('Authorization', bob.auth);
    expect(history.body.items.map((m: MessageResponse) => m.id)).toEqual(
      bySeq(seen[0]!)
        .slice(0, 100)
        .map((m) => m.id),
    );
    const rows = await sql(
      t.databaseUrl,
      'SELECT min(seq)::int AS lo, max(seq)::int AS hi, count(*)::int AS n FROM messages WHERE room_id = $1',
      [roomId],
    );
    expect(rows[0]).toEqual({ lo: 1, hi: start + 1000, n: start + 1000 });
    for (const s of [...senders, ...receivers]) s.close();
  });

  it('a client that rejoins with sinceSeq gets exactly the 120 messages it missed, in order, over two pages', async () => {
    const reader = await connect(bob);
    const joined = await emitAck(reader, 'room.join', { roomId });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    const sinceSeq = joined.lastSeq;
    reader.close();
    const writer = await connect(alice);
    await emitAck(writer, 'room.join', { roomId });
    const sent: number[] = [];
    for (let n = 0; n < 120; n += 1) {
      const ack = await send(writer, `while you were away ${n}`);
      if (ack.ok) sent.push(ack.message.seq);
    }
    const back = await connect(bob);
    const first = await emitAck(back, 'room.join', { roomId, sinceSeq });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.messages).toHaveLength(100);
    expect(first.hasMore).toBe(true);
    const rest = await t
      .http()
      .get(`/api/rooms/${roomId}/messages`)
      .query({ after: first.messages.at(-1)!.seq, limit: 100 })
      .set('Authorization', bob.auth)
      .expect(200);
    expect(rest.body.hasMore).toBe(false);
    const all = [...first.messages, ...(rest.body.items as MessageResponse[])];
    expect(all.map((m) => m.seq)).toEqual(sent);
    expect(all.map((m) => m.body)).toEqual(sent.map((_, n) => `while you were away ${n}`));
  });

  it('edits, deletes (tombstone), reactions, threads and mentions', async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    for (const s of [a, b]) await emitAck(s, 'room.join', { roomId });
    const root = await send(a, 'Shall we compare bus fleets? @Bob Vladivostok');
    if (!root.ok) throw new Error(JSON.stringify(root));
    expect(root.message.mentionIds).toEqual([bob.id]);
    const mention = await t.http().get('/api/notifications').set('Authorization', bob.auth).expect(200);
    expect(mention.body.items[0]).toMatchObject({
      type: 'message_mention',
      data: { roomId, messageId: root.message.id },
    });

    const reply = await send(b, 'Yes, electric ones', { threadRootId: root.message.id });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    const thread = await t
      .http()
      .get(`/api/rooms/${roomId}/messages`)
      .query({ threadRootId: root.message.id })
      .set('Authorization', alice.auth)
      .expect(200);
    expect(thread.body.items.map((m: MessageResponse) => m.id)).toEqual([reply.message.id]);
    const rootNow = (
      await t
        .http()
        .get(`/api/rooms/${roomId}/messages`)
        .query({ after: root.message.seq - 1, limit: 1 })
        .set('Authorization', alice.auth)
    ).body.items[0];
    expect(rootNow).toMatchObject({ replyCount: 1, lastReplyAt: expect.any(String) });

    const edited = waitForEvent(b, 'message.updated', (m) => m.id === root.message.id);
    const edit = await emitAck(a, 'message.edit', {
      messageId: root.message.id,
      body: 'Shall we compare bus fleets (2026)?',
    });
    expect(edit).toMatchObject({
      ok: true,
      message: { body: 'Shall we compare bus fleets (2026)?', editedAt: expect.any(String) },
    });
    await edited;
    expect(await emitAck(b, 'message.edit', { messageId: root.message.id, body: 'hijack' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MESSAGE_AUTHOR' },
    });

    const reacted = waitForEvent(a, 'reaction.updated', (p) => p.messageId === root.message.id);
    expect(await emitAck(b, 'reaction.toggle', { messageId: root.message.id, emoji: '👍' })).toMatchObject({
      ok: true,
      message: { reactions: [{ emoji: '👍', count: 1, memberIds: [bob.id] }] },
    });
    expect((await reacted).reactions).toEqual([{ emoji: '👍', count: 1, memberIds: [bob.id] }]);
    const off = await emitAck(b, 'reaction.toggle', { messageId: root.message.id, emoji: '👍' });
    expect(off).toMatchObject({ ok: true, message: { reactions: [] } });
    await t
      .http()
      .put(`/api/messages/${root.message.id}/reactions/${encodeURIComponent('🎉')}`)
      .set('Authorization', alice.auth)
      .expect(200);
    // Any single emoji, sequences included; 👍 with a variation selector is the same reaction as without.
    for (const emoji of ['👩🏽‍🔬', '🇲🇳', '👍\ufe0f']) {
      expect(await emitAck(b, 'reaction.toggle', { messageId: root.message.id, emoji })).toMatchObject({ ok: true });
    }
    const many = await t
      .http()
      .put(`/api/messages/${root.message.id}/reactions/${encodeURIComponent('👍')}`)
      .set('Authorization', bob.auth)
      .expect(200);
    expect((many.body as MessageResponse).reactions.map((r) => [r.emoji, r.memberIds])).toEqual([
      ['🎉', [alice.id]],
      ['👩🏽‍🔬', [bob.id]],
      ['🇲🇳', [bob.id]],
      ['👍', [bob.id]],
    ]);
    // Text, two emoji or markup is not a reaction, on either channel, and changes nothing.
    for (const emoji of ['ok', '👍👍', '<b>']) {
      expect(await emitAck(b, 'reaction.toggle', { messageId: root.message.id, emoji })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      const refused = await t
        .http()
        .put(`/api/messages/${root.message.id}/reactions/${encodeURIComponent(emoji)}`)
        .set('Authorization', bob.auth)
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'emoji' }] });
    }
    for (const emoji of ['👩🏽‍🔬', '🇲🇳', '👍']) {
      await t
        .http()
        .delete(`/api/messages/${root.message.id}/reactions/${encodeURIComponent(emoji)}`)
        .set('Authorization', bob.auth)
        .expect(200);
    }

    expect(await emitAck(b, 'message.delete', { messageId: root.message.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MESSAGE_AUTHOR' },
    });
    const deleted = waitForEvent(b, 'message.deleted', (m) => m.id === root.message.id);
    const removed = await t
      .http()
      .delete(`/api/messages/${reply.message.id}`)
      .set('Authorization', lead.auth)
      .expect(200);
    expect(removed.body).toMatchObject({ body: '', deletedAt: expect.any(String), seq: reply.message.seq });
    await emitAck(a, 'message.delete', { messageId: root.message.id });
    expect((await deleted).body).toBe('');
    const tomb = await sql(
      t.databaseUrl,
      'SELECT seq, body, deleted_at IS NOT NULL AS deleted FROM messages WHERE id = $1',
      [root.message.id],
    );
    expect(tomb[0]).toEqual({ seq: String(root.message.seq), body: '', deleted: true });
  });

  it('keeps unread counts right across two sockets of one member', async () => {
    const phone = await connect(bob);
    const laptop = await connect(bob);
    const writer = await connect(alice);
    for (const s of [phone, laptop, writer]) await emitAck(s, 'room.join', { roomId });
    let last = 0;
    for (let n = 0; n < 3; n += 1) {
      const ack = await send(writer, `unread ${n}`);
      if (ack.ok) last = ack.message.seq;
    }
    const before = (await t.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body.unreadCount;
    expect(before).toBeGreaterThanOrEqual(3);
    const pushed = waitForEvent(laptop, 'unread.updated', (p) => p.roomId === roomId);
    const read = await emitAck(phone, 'room.read', { roomId, seq: last - 1 });
    expect(read).toEqual({ ok: true, unreadCount: 1 });
    expect(await pushed).toEqual({ roomId, unreadCount: 1, lastReadSeq: last - 1 });
    // Read markers only move forward.
    expect(await emitAck(laptop, 'room.read', { roomId, seq: 1 })).toEqual({ ok: true, unreadCount: 1 });
    // The room carries the reader's marker, so a client opens it at the first unread message.
    expect((await t.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body).toMatchObject({
      unreadCount: 1,
      lastReadSeq: last - 1,
    });
    await t.http().post(`/api/rooms/${roomId}/read`).set('Authorization', bob.auth).send({ seq: last }).expect(200);
    expect((await t.http().get(`/api/rooms/${roomId}`).set('Authorization', bob.auth)).body.unreadCount).toBe(0);
  });

  it('validates payloads: malformed → error ack, oversize → connection dropped, never a crash', async () => {
    const s = await connect(alice);
    expect(await emitAck(s, 'message.send', { roomId: 'nope', clientId: 'x', body: '' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await emitAck(s, 'message.send', null as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await emitAck(s, 'message.send', { roomId, clientId: randomUUID(), body: 'x'.repeat(8001) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const dropped = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    s.emit('message.send', { roomId, clientId: randomUUID(), body: 'x'.repeat(70 * 1024) }, () => undefined);
    expect(await dropped).toEqual(expect.any(String));
    const fresh = await connect(alice);
    expect((await emitAck(fresh, 'room.join', { roomId })).ok).toBe(true);
  });

  it('a member removed from the group leaves the room channel at once and can no longer join', async () => {
    const carol = await t.fx.member({ displayName: 'Carol Incheon' });
    await t
      .http()
      .post(`/api/working-groups/${groupId}/members`)
      .set('Authorization', lead.auth)
      .send({ memberId: carol.id })
      .expect(201);
    const c = await connect(carol);
    const a = await connect(alice);
    for (const s of [c, a]) expect((await emitAck(s, 'room.join', { roomId })).ok).toBe(true);
    const received = collect(c, 'message.created');
    await t
      .http()
      .delete(`/api/working-groups/${groupId}/members/${carol.id}`)
      .set('Authorization', lead.auth)
      .expect(204);
    const secret = await send(a, 'after Carol left');
    if (!secret.ok) throw new Error(JSON.stringify(secret));
    const markerSeen = waitForEvent(a, 'message.created', (m) => m.body === 'marker');
    await send(a, 'marker');
    await markerSeen;
    expect(received.map((m) => m.body)).not.toContain('after Carol left');
    expect(await emitAck(c, 'room.join', { roomId })).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
    await t.http().get(`/api/rooms/${roomId}/messages`).set('Authorization', carol.auth).expect(404);
  });

  it('suspension and signing out everywhere close the member’s sockets', async () => {
    const dave = await t.fx.member();
    const s = await connect(dave);
    const closed = new Promise((resolve) => s.once('disconnect', resolve));
    await t.http().post(`/api/members/${dave.id}/suspend`).set('Authorization', lead.auth).expect(200);
    await closed;
    const erin = await t.fx.member();
    const e = await connect(erin);
    const gone = new Promise((resolve) => e.once('disconnect', resolve));
    await t.http().post('/api/auth/logout-all').set('Authorization', erin.auth).expect(204);
    await gone;
  });

  it('delivers notifications live to the member channel', async () => {
    const s = await connect(alice);
    const live = waitForEvent(s, 'notification.created', (n) => n.type === 'meeting_invited');
    await t
      .http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', lead.auth)
      .send({
        title: 'Live notice',
        startsAt: '2027-10-01T01:00:00Z',
        endsAt: '2027-10-01T02:00:00Z',
        timeZone: 'Asia/Seoul',
      })
      .expect(201);
    expect(await live).toMatchObject({ type: 'meeting_invited', data: { workingGroupId: groupId } });
  });

  it('moderators pin messages and archive rooms; others get 403', async () => {
    const sent = await t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', alice.auth)
      .send({ clientId: randomUUID(), body: 'Agenda for May' })
      .expect(201);
    const denied = await t.http().put(`/api/messages/${sent.body.id}/pin`).set('Authorization', bob.auth).expect(403);
    expect(denied.body.code).toBe('NOT_A_MODERATOR');
    // Everyone in the room hears a pin and an unpin as message.updated carrying pinnedAt.
    const watcher = await connect(bob);
    await emitAck(watcher, 'room.join', { roomId });
    const heardPin = waitForEvent(watcher, 'message.updated', (m) => m.id === sent.body.id && m.pinnedAt !== null);
    const pinned = await t.http().put(`/api/messages/${sent.body.id}/pin`).set('Authorization', lead.auth).expect(200);
    expect(pinned.body.pinnedAt).toEqual(expect.any(String));
    expect((await heardPin).pinnedAt).toBe(pinned.body.pinnedAt);
    const pins = await t.http().get(`/api/rooms/${roomId}/pins`).set('Authorization', bob.auth).expect(200);
    expect(pins.body.map((m: MessageResponse) => m.id)).toEqual([sent.body.id]);
    const heardUnpin = waitForEvent(watcher, 'message.updated', (m) => m.id === sent.body.id && m.pinnedAt === null);
    await t.http().delete(`/api/messages/${sent.body.id}/pin`).set('Authorization', lead.auth).expect(200);
    await heardUnpin;
    expect((await t.http().get(`/api/rooms/${roomId}/pins`).set('Authorization', bob.auth)).body).toEqual([]);

    const topic = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'To archive' })
      .expect(201);
    await t
      .http()
      .post(`/api/rooms/${topic.body.id}/messages`)
      .set('Authorization', bob.auth)
      .send({ clientId: randomUUID(), body: 'hi' })
      .expect(201);
    await t
      .http()
      .patch(`/api/rooms/${topic.body.id}`)
      .set('Authorization', bob.auth)
      .send({ archived: true })
      .expect(403);
    const archived = await t
      .http()
      .patch(`/api/rooms/${topic.body.id}`)
      .set('Authorization', alice.auth)
      .send({ archived: true, topic: 'closed' })
      .expect(200);
    expect(archived.body).toMatchObject({ archived: true, topic: 'closed' });
    const refused = await t
      .http()
      .post(`/api/rooms/${topic.body.id}/messages`)
      .set('Authorization', bob.auth)
      .send({ clientId: randomUUID(), body: 'late' })
      .expect(409);
    expect(refused.body.code).toBe('ROOM_ARCHIVED');
    await t
      .http()
      .patch(`/api/rooms/${topic.body.id}`)
      .set('Authorization', alice.auth)
      .send({ archived: 'yes' })
      .expect(400);
  });

  it('opens a meeting room for the invitees on request of the organiser', async () => {
    const meeting = await t
      .http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', lead.auth)
      .send({
        title: 'Bus fleet EGM',
        startsAt: '2027-11-01T01:00:00Z',
        endsAt: '2027-11-01T02:00:00Z',
        timeZone: 'Asia/Seoul',
      })
      .expect(201);
    await t.http().post(`/api/meetings/${meeting.body.id}/room`).set('Authorization', alice.auth).expect(403);
    const room = await t
      .http()
      .post(`/api/meetings/${meeting.body.id}/room`)
      .set('Authorization', lead.auth)
      .expect(201);
    expect(room.body).toMatchObject({
      kind: 'meeting',
      meetingId: meeting.body.id,
      name: 'Bus fleet EGM',
      moderator: true,
    });
    const again = await t
      .http()
      .post(`/api/meetings/${meeting.body.id}/room`)
      .set('Authorization', alice.auth)
      .expect(201);
    expect(again.body.id).toBe(room.body.id);
    await t
      .http()
      .post(`/api/rooms/${room.body.id}/messages`)
      .set('Authorization', bob.auth)
      .send({ clientId: randomUUID(), body: 'see you there' })
      .expect(201);
    const outsider = await t.fx.member();
    await t.http().get(`/api/rooms/${room.body.id}`).set('Authorization', outsider.auth).expect(404);
    await t.http().post(`/api/meetings/${meeting.body.id}/room`).set('Authorization', outsider.auth).expect(404);
  });

  it('keeps read markers per thread', async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    for (const s of [a, b]) await emitAck(s, 'room.join', { roomId });
    const root = await send(a, 'Thread on tram lines');
    if (!root.ok) throw new Error(JSON.stringify(root));
    let last = 0;
    for (let n = 0; n < 3; n += 1) {
      const reply = await send(a, `reply ${n}`, { threadRootId: root.message.id });
      if (reply.ok) last = reply.message.seq;
    }
    const pushed = waitForEvent(b, 'unread.updated', (p) => p.threadRootId === root.message.id);
    const marked = await emitAck(b, 'room.read', { roomId, seq: last - 1, threadRootId: root.message.id });
    expect(marked).toEqual({ ok: true, unreadCount: 1 });
    expect(await pushed).toMatchObject({
      roomId,
      threadRootId: root.message.id,
      unreadCount: 1,
      lastReadSeq: last - 1,
    });
    expect(await emitAck(b, 'room.read', { roomId, seq: 1, threadRootId: root.message.id })).toEqual({
      ok: true,
      unreadCount: 1,
    });
    const rest = await t
      .http()
      .post(`/api/rooms/${roomId}/read`)
      .set('Authorization', bob.auth)
      .send({ seq: last, threadRootId: root.message.id })
      .expect(200);
    expect(rest.body.unreadCount).toBe(0);
    const notRoot = await emitAck(b, 'room.read', { roomId, seq: last, threadRootId: randomUUID() });
    expect(notRoot).toMatchObject({ ok: false, error: { code: 'THREAD_ROOT_NOT_FOUND' } });
  });

  it('shows presence: online, away when every socket of the member is away, offline when gone', async () => {
    // A member with no socket open yet (others may still be connected from earlier cases).
    const frank = await t.fx.member({ displayName: 'Frank Khabarovsk' });
    await t
      .http()
      .post(`/api/working-groups/${groupId}/members`)
      .set('Authorization', lead.auth)
      .send({ memberId: frank.id })
      .expect(201);
    const watcher = await connect(alice);
    await emitAck(watcher, 'room.join', { roomId });
    const online = waitForEvent(watcher, 'presence', (p) => p.memberId === frank.id && p.status === 'online');
    const phone = await connectSocket(t.url, frank.accessToken);
    await online;
    const laptop = await connectSocket(t.url, frank.accessToken);
    const states = collect(watcher, 'presence');
    await emitAck(phone, 'presence.set', { status: 'away' });
    const away = waitForEvent(watcher, 'presence', (p) => p.memberId === frank.id && p.status === 'away');
    await emitAck(laptop, 'presence.set', { status: 'away' });
    await away;
    const back = waitForEvent(watcher, 'presence', (p) => p.memberId === frank.id && p.status === 'online');
    await emitAck(laptop, 'presence.set', { status: 'online' });
    await back;
    const gone = waitForEvent(watcher, 'presence', (p) => p.memberId === frank.id && p.status === 'offline');
    phone.close();
    laptop.close();
    await gone;
    expect(states.filter((p) => p.memberId === frank.id).map((p) => p.status)).toEqual(['away', 'online', 'offline']);
    expect(await emitAck(watcher, 'presence.set', { status: 'busy' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('a member promoted to lead moderates the group room', async () => {
    const grace = await t.fx.member();
    await t
      .http()
      .post(`/api/working-groups/${groupId}/members`)
      .set('Authorization', lead.auth)
      .send({ memberId: grace.id })
      .expect(201);
    expect((await t.http().get(`/api/rooms/${roomId}`).set('Authorization', grace.auth)).body.moderator).toBe(false);
    await t
      .http()
      .patch(`/api/working-groups/${groupId}/members/${grace.id}`)
      .set('Authorization', lead.auth)
      .send({ role: 'lead' })
      .expect(200);
    expect((await t.http().get(`/api/rooms/${roomId}`).set('Authorization', grace.auth)).body.moderator).toBe(true);
  });

  it('creates topic and direct rooms over REST, with history pages and 400/404 on bad input', async () => {
    const topic = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'Eco-labels in NE Asia' })
      .expect(201);
    expect(topic.body).toMatchObject({ kind: 'topic', visibility: 'public', moderator: true });
    const anyone = await t.fx.member();
    const joined = await t
      .http()
      .post(`/api/rooms/${topic.body.id}/messages`)
      .set('Authorization', anyone.auth)
      .send({ clientId: randomUUID(), body: 'hello topic' })
      .expect(201);
    expect(joined.body.seq).toBe(1);
    const direct = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'direct', memberIds: [bob.id] })
      .expect(201);
    await t.http().get(`/api/rooms/${direct.body.id}`).set('Authorization', anyone.auth).expect(404);
    await t
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'direct', memberIds: [] })
      .expect(400);
    await t.http().post('/api/rooms').set('Authorization', alice.auth).send({ kind: 'topic' }).expect(400);
    await t.http().post('/api/rooms').set('Authorization', alice.auth).send({ kind: 'group', name: 'x' }).expect(400);
    await t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', alice.auth)
      .send({ clientId: 'not-uuid', body: '' })
      .expect(400);
    const page = await t
      .http()
      .get(`/api/rooms/${roomId}/messages`)
      .query({ limit: 5 })
      .set('Authorization', alice.auth)
      .expect(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.hasMore).toBe(true);
    const seqs = page.body.items.map((m: MessageResponse) => m.seq);
    expect(seqs).toEqual([...seqs].sort((x: number, y: number) => x - y));
    const older = await t
      .http()
      .get(`/api/rooms/${roomId}/messages`)
      .query({ before: seqs[0], limit: 5 })
      .set('Authorization', alice.auth)
      .expect(200);
    expect(older.body.items.at(-1).seq).toBe(seqs[0] - 1);
  });

  it('answers history pages asked at once, for different rooms and directions, each as if asked alone', async () => {
    const other = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'Pages apart' })
      .expect(201);
    for (let i = 1; i <= 12; i++) {
      await t
        .http()
        .post(`/api/rooms/${other.body.id}/messages`)
        .set('Authorization', alice.auth)
        .send({ clientId: randomUUID(), body: `apart ${i}` })
        .expect(201);
    }
    const queries: [string, Record<string, number>][] = [
      [roomId, { limit: 5 }],
      [other.body.id, { limit: 5 }],
      [other.body.id, { before: 6, limit: 3 }],
      [roomId, { after: 2, limit: 4 }],
      [other.body.id, { after: 10, limit: 5 }],
      [other.body.id, { before: 1, limit: 5 }],
      [other.body.id, { after: 3, before: 6, limit: 5 }],
    ];
    const read = async ([room, query]: [string, Record<string, number>]) =>
      (await t.http().get(`/api/rooms/${room}/messages`).query(query).set('Authorization', alice.auth).expect(200))
        .body as { items: MessageResponse[]; hasMore: boolean };
    const alone = [];
    for (const query of queries) alone.push(await read(query));
    // Concurrent pages share statements: each must still get its own room's rows, in its own direction.
    const together = await Promise.all(queries.map(read));
    expect(together).toEqual(alone);
    const bodies = (page: { items: MessageResponse[] }) => page.items.map((m) => m.body);
    expect(bodies(alone[1]!)).toEqual(['apart 8', 'apart 9', 'apart 10', 'apart 11', 'apart 12']);
    expect(bodies(alone[2]!)).toEqual(['apart 3', 'apart 4', 'apart 5']);
    expect(alone[2]!.hasMore).toBe(true);
    expect(bodies(alone[4]!)).toEqual(['apart 11', 'apart 12']);
    expect(alone[4]!.hasMore).toBe(false);
    expect(alone[5]).toEqual({ items: [], hasMore: false });
    expect(bodies(alone[6]!)).toEqual(['apart 4', 'apart 5']);
    expect(alone[0]!.items.every((m) => m.roomId === roomId)).toBe(true);
  });

  it('stores sends to several rooms at once in shared statements, each room gapless; a refused room fails alone', async () => {
    const topics = [];
    for (const name of ['Shared statement one', 'Shared statement two']) {
      topics.push(
        (await t.http().post('/api/rooms').set('Authorization', alice.auth).send({ kind: 'topic', name }).expect(201))
          .body as RoomResponse,
      );
    }
    const elsewhere = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', bob.auth)
      .send({ kind: 'direct', memberIds: [lead.id] })
      .expect(201);
    const rooms = [roomId, topics[0]!.id, topics[1]!.id];
    const lastSeq = async (id: string) =>
      Number((await sql(t.databaseUrl, 'SELECT last_seq FROM rooms WHERE id = $1', [id]))[0]!.last_seq);
    const before = await Promise.all(rooms.map(lastSeq));
    const elsewhereBefore = await lastSeq(elsewhere.body.id);
    const a = await connect(alice);
    const b = await connect(bob);
    const resent = randomUUID();
    const sends: { socket: PortalClient; roomId: string; clientId: string }[] = [];
    for (let n = 0; n < 8; n += 1) {
      for (const room of rooms) sends.push({ socket: a, roomId: room, clientId: n === 3 ? resent : randomUUID() });
      sends.push({ socket: b, roomId, clientId: randomUUID() });
      if (n % 3 === 0) sends.push({ socket: a, roomId: elsewhere.body.id, clientId: randomUUID() });
    }
    // The same clientId again in the first topic, in the same burst: stored once.
    sends.push({ socket: a, roomId: topics[0]!.id, clientId: resent });
    const acks = await Promise.all(
      sends.map((s) => emitAck(s.socket, 'message.send', { roomId: s.roomId, clientId: s.clientId, body: 'together' })),
    );
    acks.forEach((ack, i) => {
      if (sends[i]!.roomId === elsewhere.body.id)
        expect(ack).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
      else if (!ack.ok) throw new Error(JSON.stringify(ack));
    });
    expect(await lastSeq(elsewhere.body.id)).toBe(elsewhereBefore);
    const counts = [16, 8, 8];
    for (const [i, room] of rooms.entries()) {
      const seqs = acks.flatMap((ack, j) => (ack.ok && sends[j]!.roomId === room ? [ack.message.seq] : []));
      expect([...new Set(seqs)].sort((x, y) => x - y)).toEqual(
        Array.from({ length: counts[i]! }, (_, k) => before[i]! + k + 1),
      );
      expect(await lastSeq(room)).toBe(before[i]! + counts[i]!);
      // Each sender's read marker in each room is at their newest message there.
      const markers = await sql(
        t.databaseUrl,
        `SELECT rm.member_id, rm.last_read_seq::int AS marker, max(m.seq)::int AS newest
           FROM room_members rm JOIN messages m ON m.room_id = rm.room_id AND m.author_id = rm.member_id
          WHERE rm.room_id = $1 GROUP BY rm.member_id, rm.last_read_seq`,
        [room],
      );
      for (const row of markers) expect(row.marker).toBe(row.newest);
    }
    // Messages of different rooms were committed by one statement (they share the transaction that wrote them).
    const shared = await sql(
      t.databaseUrl,
      `SELECT max(n)::int AS rooms FROM (
         SELECT count(DISTINCT room_id) AS n FROM messages WHERE room_id = ANY($1) AND body = 'together' GROUP BY xmin::text
       ) x`,
      [rooms],
    );
    expect(shared[0]!.rooms).toBeGreaterThan(1);
  });
});

describe('discussions: attachments', () => {
  it('attaches documents the sender may open; readers who may not open one see it without a title', async () => {
    const t = await createTestApp();
    try {
      const lead = await t.fx.member({ role: 'coordinator' });
      const member = await t.fx.member();
      const group = await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Attach', thematicArea: 'other' })
        .expect(201);
      await t.http().post(`/api/working-groups/${group.body.id}/join`).set('Authorization', member.auth).expect(200);
      const secret = await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Closed Circle', thematicArea: 'other', visibility: 'private' })
        .expect(201);
      const upload = (fields: Record<string, string>) => {
        const req = t.http().post('/api/documents').set('Authorization', lead.auth);
        for (const [k, v] of Object.entries(fields)) req.field(k, v);
        return req.attach('file', Buffer.from('Low-carbon plan of the city, 2030.\n'), {
          filename: 'plan.txt',
          contentType: 'text/plain',
        });
      };
      const open = await upload({ title: 'Open plan', kind: 'strategy', visibility: 'network' }).expect(201);
      const closed = await upload({
        title: 'Closed plan',
        kind: 'strategy',
        visibility: 'group',
        workingGroupId: secret.body.id,
      }).expect(201);

      const socket = await connectSocket(t.url, member.accessToken);
      await emitAck(socket, 'room.join', { roomId: group.body.roomId });
      const live = waitForEvent(socket, 'message.created', (m) => m.attachments.length === 2);
      const sent = await t
        .http()
        .post(`/api/rooms/${group.body.roomId}/messages`)
        .set('Authorization', lead.auth)
        .send({ clientId: randomUUID(), body: 'Both plans attached', attachmentIds: [open.body.id, closed.body.id] })
        .expect(201);
      expect(sent.body.attachments).toEqual([
        { documentId: open.body.id, title: 'Open plan' },
        { documentId: closed.body.id, title: 'Closed plan' },
      ]);
      expect((await live).attachments.every((a) => a.title === null)).toBe(true);
      const seen = await t
        .http()
        .get(`/api/rooms/${group.body.roomId}/messages`)
        .set('Authorization', member.auth)
        .expect(200);
      expect(seen.body.items.at(-1).attachments).toEqual([
        { documentId: open.body.id, title: 'Open plan' },
        { documentId: closed.body.id, title: null },
      ]);
      const refused = await t
        .http()
        .post(`/api/rooms/${group.body.roomId}/messages`)
        .set('Authorization', member.auth)
        .send({ clientId: randomUUID(), body: 'sneaky', attachmentIds: [closed.body.id] })
        .expect(400);
      expect(refused.body.code).toBe('ATTACHMENT_NOT_FOUND');
      socket.close();
    } finally {
      await t.close();
    }
  });
});

describe('discussions: socket rate limit', () => {
  it('answers RATE_LIMITED past the burst', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_SOCKET_BURST: '5', RATE_LIMIT_SOCKET_PER_SECOND: '1' } });
    try {
      const lead = await t.fx.member({ role: 'coordinator' });
      const group = await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Limited', thematicArea: 'other' })
        .expect(201);
      const socket = await connectSocket(t.url, lead.accessToken);
      const codes: string[] = [];
      for (let n = 0; n < 8; n += 1) {
        const ack = await emitAck(socket, 'message.send', {
          roomId: group.body.roomId,
          clientId: randomUUID(),
          body: `n${n}`,
        });
        codes.push(ack.ok ? 'ok' : ack.error.code);
      }
      socket.close();
      expect(codes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      expect(codes.slice(5)).toContain('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});

describe('discussions: finding rooms and people', () => {
  let t: TestApp;
  let mod: TestMember;
  let lead: TestMember;
  let ana: TestMember;
  let bat: TestMember;
  let chen: TestMember;
  const sockets: PortalClient[] = [];
  const connect = async (m: TestMember): Promise<PortalClient> => {
    const socket = await connectSocket(t.url, m.accessToken);
    sockets.push(socket);
    return socket;
  };
  const as = (m: TestMember) => ({
    get: (path: string) => t.http().get(path).set('Authorization', m.auth),
    post: (path: string, body: object = {}) => t.http().post(path).set('Authorization', m.auth).send(body),
    put: (path: string, body: object) => t.http().put(path).set('Authorization', m.auth).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', m.auth),
  });
  const topicRoom = async (name: string, visibility: 'public' | 'private', topic?: string, memberIds?: string[]) =>
    (await as(mod).post('/api/rooms', { kind: 'topic', name, visibility, topic, memberIds }).expect(201))
      .body as RoomResponse;
  const myRoomIds = async (m: TestMember) =>
    ((await as(m).get('/api/rooms?limit=100').expect(200)).body.items as RoomResponse[]).map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_SOCKET_BURST: '1000', RATE_LIMIT_SOCKET_PER_SECOND: '1000' } });
    mod = await t.fx.member({ displayName: 'Mira Moderator' });
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Group Lead' });
    ana = await t.fx.member({ displayName: 'Ana Lee' });
    bat = await t.fx.member({ displayName: 'Bat Erdene' });
    chen = await t.fx.member({ displayName: '陈小明' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('lists public topic rooms with topic and member count, searches in CJK and Cyrillic, pages by keyset', async () => {
    await topicRoom('Владивосток: транспорт', 'public', 'Электробусы и трамваи');
    await topicRoom('北京 低碳城市', 'public', '能源转型');
    await topicRoom('Closed planning', 'private');
    for (let n = 0; n < 3; n += 1) await topicRoom(`Zeta page ${n}`, 'public');

    const cyrillic = await as(ana).get('/api/rooms/directory').query({ q: 'ВЛАДИВОСТОК' }).expect(200);
    expect(cyrillic.body.items).toEqual([
      expect.objectContaining({ name: 'Владивосток: транспорт', topic: 'Электробусы и трамваи', memberCount: 1 }),
    ]);
    expect(cyrillic.body.items[0].joined).toBe(false);
    const byTopic = await as(ana).get('/api/rooms/directory').query({ q: 'электробусы' }).expect(200);
    expect(byTopic.body.items.map((r: { name: string }) => r.name)).toEqual(['Владивосток: транспорт']);
    const cjk = await as(ana).get('/api/rooms/directory').query({ q: '低碳' }).expect(200);
    expect(cjk.body.items.map((r: { name: string }) => r.name)).toEqual(['北京 低碳城市']);
    // A private room is never listed, whatever the query; wildcards are matched literally.
    expect((await as(ana).get('/api/rooms/directory').query({ q: 'Closed' }).expect(200)).body.items).toEqual([]);
    expect((await as(ana).get('/api/rooms/directory').query({ q: '%' }).expect(200)).body.items).toEqual([]);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as(ana)
        .get('/api/rooms/directory')
        .query({ q: 'zeta', limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      names.push(...page.body.items.map((r: { name: string }) => r.name));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(['Zeta page 0', 'Zeta page 1', 'Zeta page 2']);

    const forged = await as(ana).get('/api/rooms/directory').query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
    expect(forged.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'cursor' })],
    });
    await t.http().get('/api/rooms/directory').expect(401);
  });

  it('joins and leaves a public room: the room appears in the list at once, on every tab; group rooms cannot be left', async () => {
    const room = await topicRoom('Eco-label criteria', 'public', 'Type I schemes');
    const tab = await connect(ana);
    const added = waitForEvent(tab, 'room.added', (r) => r.id === room.id);
    const joined = await as(ana).post(`/api/rooms/${room.id}/join`).expect(200);
    expect(joined.body).toMatchObject({ id: room.id, notifyLevel: 'all', moderator: false });
    expect((await added).id).toBe(room.id);
    expect(await myRoomIds(ana)).toContain(room.id);
    const entry = (await as(ana).get('/api/rooms/directory').query({ q: 'eco-label' }).expect(200)).body.items[0];
    expect(entry).toMatchObject({ id: room.id, joined: true, memberCount: 2 });
    await as(ana).post(`/api/rooms/${room.id}/join`).expect(200);

    expect(isOk(await emitAck(tab, 'room.join', { roomId: room.id }))).toBe(true);
    const removed = waitForEvent(tab, 'room.removed', (p) => p.roomId === room.id);
    await as(ana).post(`/api/rooms/${room.id}/leave`).expect(204);
    await removed;
    expect(await myRoomIds(ana)).not.toContain(room.id);
    // After leaving, the room's messages no longer reach the member's sockets.
    const heard = collect(tab, 'message.created');
    const control = await connect(mod);
    expect(isOk(await emitAck(control, 'room.join', { roomId: room.id }))).toBe(true);
    const controlHeard = waitForEvent(control, 'message.created', (m) => m.body === 'after ana left');
    await as(mod)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: 'after ana left' })
      .expect(201);
    await controlHeard;
    await as(mod).get(`/api/rooms/${room.id}`).expect(200);
    expect(heard.filter((m) => m.roomId === room.id)).toEqual([]);

    const group = await as(lead)
      .post('/api/working-groups', { name: 'Leave test group', thematicArea: 'other', visibility: 'public' })
      .expect(201);
    const refused = await as(lead).post(`/api/rooms/${group.body.roomId}/leave`).expect(409);
    expect(refused.body.code).toBe('ROOM_LEAVE_NOT_ALLOWED');
    const closed = await topicRoom('Joining closed', 'private');
    expect((await as(ana).post(`/api/rooms/${closed.id}/join`).expect(404)).body.code).toBe('ROOM_NOT_FOUND');
    await t.http().post(`/api/rooms/${room.id}/join`).expect(401);
    await as(ana).post('/api/rooms/not-a-uuid/join').expect(400);
  });

  it('delivers a new direct message live to the recipient with its people and unread badge; writing again reuses it', async () => {
    const batSocket = await connect(bat);
    const added = waitForEvent(batSocket, 'room.added', (r) => r.kind === 'direct');
    const dm = (
      await as(ana)
        .post('/api/rooms', { kind: 'direct', memberIds: [bat.id] })
        .expect(201)
    ).body as RoomResponse;
    const live = await added;
    expect(live).toMatchObject({ id: dm.id, kind: 'direct', name: null, unreadCount: 0 });
    expect(live.people?.map((p) => p.displayName).sort()).toEqual(['Ana Lee', 'Bat Erdene']);

    // The first message arrives on the room's channel once the list joins it, and counts as unread.
    expect(isOk(await emitAck(batSocket, 'room.join', { roomId: dm.id, sinceSeq: live.lastSeq }))).toBe(true);
    const message = waitForEvent(batSocket, 'message.created', (m) => m.roomId === dm.id);
    await as(ana).post(`/api/rooms/${dm.id}/messages`, { clientId: randomUUID(), body: 'Сайн байна уу' }).expect(201);
    expect((await message).body).toBe('Сайн байна уу');
    const mine = (await as(bat).get(`/api/rooms/${dm.id}`).expect(200)).body as RoomResponse;
    expect(mine.unreadCount).toBe(1);

    const again = await as(bat)
      .post('/api/rooms', { kind: 'direct', memberIds: [ana.id] })
      .expect(201);
    expect(again.body.id).toBe(dm.id);
    const group = (
      await as(ana)
        .post('/api/rooms', { kind: 'direct', memberIds: [bat.id, chen.id, mod.id] })
        .expect(201)
    ).body as RoomResponse;
    expect(group.id).not.toBe(dm.id);
    expect(group.people).toHaveLength(4);
  });

  it('lets moderators add and remove people in a private topic room; a removed member loses it on every channel', async () => {
    const room = await topicRoom('Strategy drafting', 'private', 'Drafts of the 2030 plan');
    const batSocket = await connect(bat);
    const added = waitForEvent(batSocket, 'room.added', (r) => r.id === room.id);
    const denied = await as(ana)
      .post(`/api/rooms/${room.id}/members`, { memberIds: [bat.id] })
      .expect(404);
    expect(denied.body.code).toBe('ROOM_NOT_FOUND');
    await as(mod)
      .post(`/api/rooms/${room.id}/members`, { memberIds: [bat.id, ana.id] })
      .expect(204);
    expect((await added).name).toBe('Strategy drafting');
    expect(
      (
        await as(ana)
          .post(`/api/rooms/${room.id}/members`, { memberIds: [chen.id] })
          .expect(403)
      ).body.code,
    ).toBe('NOT_A_MODERATOR');
    const bad = await as(mod)
      .post(`/api/rooms/${room.id}/members`, { memberIds: ['nope'] })
      .expect(400);
    expect(bad.body.details[0].field).toMatch(/^memberIds/);
    expect(
      (
        await as(mod)
          .post(`/api/rooms/${room.id}/members`, { memberIds: [randomUUID()] })
          .expect(400)
      ).body.code,
    ).toBe('ROOM_MEMBER_NOT_FOUND');

    expect(isOk(await emitAck(batSocket, 'room.join', { roomId: room.id }))).toBe(true);
    await as(bat)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: 'the secret draft wording' })
      .expect(201);
    const removed = waitForEvent(batSocket, 'room.removed', (p) => p.roomId === room.id);
    await as(mod).delete(`/api/rooms/${room.id}/members/${bat.id}`).expect(204);
    await removed;
    expect((await as(mod).delete(`/api/rooms/${room.id}/members/${bat.id}`).expect(404)).body.code).toBe('NOT_IN_ROOM');

    // REST: the room, its history, its members, sending and reading are 404; lists and search no longer show it.
    for (const path of [`/api/rooms/${room.id}`, `/api/rooms/${room.id}/messages`, `/api/rooms/${room.id}/members`]) {
      expect((await as(bat).get(path).expect(404)).body.code).toBe('ROOM_NOT_FOUND');
    }
    await as(bat).post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: 'still here?' }).expect(404);
    await as(bat).post(`/api/rooms/${room.id}/read`, { seq: 1 }).expect(404);
    await as(bat).post(`/api/rooms/${room.id}/join`).expect(404);
    expect(await myRoomIds(bat)).not.toContain(room.id);
    const found = await as(bat).get('/api/search').query({ q: 'secret', scope: 'messages' }).expect(200);
    expect(found.body.messages).toEqual([]);
    // Socket: the channel was left, broadcasts stop, and room.join and sends are refused.
    const heard = collect(batSocket, 'message.created');
    const control = await connect(mod);
    expect(isOk(await emitAck(control, 'room.join', { roomId: room.id }))).toBe(true);
    const controlHeard = waitForEvent(control, 'message.created', (m) => m.body === 'after removal');
    await as(mod).post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: 'after removal' }).expect(201);
    await controlHeard;
    const rejoin = await emitAck(batSocket, 'room.join', { roomId: room.id });
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
    const sent = await emitAck(batSocket, 'message.send', { roomId: room.id, clientId: randomUUID(), body: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
    expect(heard.filter((m) => m.roomId === room.id)).toEqual([]);

    const group = await as(lead)
      .post('/api/working-groups', { name: 'Fixed membership', thematicArea: 'other', visibility: 'public' })
      .expect(201);
    const fixed = await as(lead)
      .post(`/api/rooms/${group.body.roomId}/members`, { memberIds: [ana.id] })
      .expect(409);
    expect(fixed.body.code).toBe('ROOM_MEMBERSHIP_FIXED');
  });

  it("notifies every member for a moderator's @room, as plain text from others, and follows each notify level", async () => {
    const room = await topicRoom('Mentions and mute', 'private', undefined, [ana.id, bat.id, chen.id]);
    const level = (m: TestMember, notifyLevel: string) =>
      as(m).put(`/api/rooms/${room.id}/notify-level`, { notifyLevel });
    const anaTab = await connect(ana);
    const levelEcho = waitForEvent(anaTab, 'room.notify-level', (p) => p.roomId === room.id);
    expect((await level(ana, 'nothing').expect(200)).body.notifyLevel).toBe('nothing');
    expect(await levelEcho).toEqual({ roomId: room.id, notifyLevel: 'nothing' });
    expect((await level(bat, 'mentions').expect(200)).body.notifyLevel).toBe('mentions');
    expect((await level(bat, 'loud').expect(400)).body.details[0].field).toBe('notifyLevel');

    const notifications = async (m: TestMember) =>
      (
        (await as(m).get('/api/notifications').expect(200)).body.items as {
          type: string;
          data: Record<string, string>;
        }[]
      ).filter((n) => n.data.roomId === room.id);

    const chenSocket = await connect(chen);
    const chenHears = waitForEvent(chenSocket, 'notification.created', (n) => n.type === 'room_mention');
    const everyone = await as(mod)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: '@room the draft is ready' })
      .expect(201);
    expect([...everyone.body.mentionIds].sort()).toEqual([ana.id, bat.id, chen.id].sort());
    const live = await chenHears;
    expect(live.data).toMatchObject({ roomId: room.id, messageId: everyone.body.id, actorName: 'Mira Moderator' });
    // Muted: no notification at all; "mentions": @room is a mention.
    expect(await notifications(ana)).toEqual([]);
    expect((await notifications(bat)).map((n) => n.type)).toEqual(['room_mention']);

    // From someone who does not moderate the room, @room mentions no one.
    const plain = await as(bat)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: '@room hello all' })
      .expect(201);
    expect(plain.body.mentionIds).toEqual([]);
    // A muted member named directly is not notified either; the named one who listens is.
    await as(mod)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: '@Ana Lee and @陈小明 please check' })
      .expect(201);
    expect(await notifications(ana)).toEqual([]);
    expect((await notifications(chen)).map((n) => n.type).sort()).toEqual(['message_mention', 'room_mention']);
    // Back to all: Ana hears of mentions again.
    await level(ana, 'all').expect(200);
    await as(mod)
      .post(`/api/rooms/${room.id}/messages`, { clientId: randomUUID(), body: '@Ana Lee again' })
      .expect(201);
    expect((await notifications(ana)).map((n) => n.type)).toEqual(['message_mention']);
    const listed = ((await as(bat).get('/api/rooms?limit=100').expect(200)).body.items as RoomResponse[]).find(
      (r) => r.id === room.id,
    );
    expect(listed?.notifyLevel).toBe('mentions');
  });

  it('tells the room of each new reply (thread.updated) and lists my threads, unread replies first', async () => {
    const ana = await t.fx.member({ displayName: 'Ana Threads' });
    const bat = await t.fx.member({ displayName: 'Bat Threads' });
    const outsider = await t.fx.member({ displayName: 'Oyu Outside' });
    const room = (
      await t
        .http()
        .post('/api/rooms')
        .set('Authorization', ana.auth)
        .send({ kind: 'topic', name: 'Thread lab', visibility: 'private', memberIds: [bat.id] })
        .expect(201)
    ).body as RoomResponse;
    const write = (m: TestMember, body: string, threadRootId?: string) =>
      t
        .http()
        .post(`/api/rooms/${room.id}/messages`)
        .set('Authorization', m.auth)
        .send({ clientId: randomUUID(), body, ...(threadRootId ? { threadRootId } : {}) })
        .expect(201)
        .then((response) => response.body as MessageResponse);
    const threads = (m: TestMember, query = '') =>
      t
        .http()
        .get(`/api/threads${query}`)
        .set('Authorization', m.auth)
        .expect(200)
        .then((response) => response.body as { items: ThreadSummary[]; nextCursor: string | null });

    const older = await write(ana, 'Older question');
    const newer = await write(ana, 'Newer question');
    await write(bat, 'Reply to the older', older.id);
    const anaSocket = await connect(ana);
    await emitAck(anaSocket, 'room.join', { roomId: room.id });
    const heard = waitForEvent(anaSocket, 'thread.updated', (p) => p.threadRootId === newer.id);
    const second = await write(bat, 'Reply to the newer', newer.id);
    expect(await heard).toEqual({
      roomId: room.id,
      threadRootId: newer.id,
      replyCount: 1,
      lastReplyAt: expect.any(String) as unknown as string,
    });
    await write(bat, 'Second reply to the newer', newer.id);

    // Ana started both; Bat replied to both. Newest reply first when both have unread replies.
    const anas = await threads(ana);
    expect(anas.items.map((i) => [i.root.body, i.unreadCount, i.root.replyCount])).toEqual([
      ['Newer question', 2, 2],
      ['Older question', 1, 1],
    ]);
    expect(anas.items[0]!.room).toEqual({ id: room.id, kind: 'topic', name: 'Thread lab' });
    // Reading the newer thread puts the older one, with its unread reply, first.
    await t
      .http()
      .post(`/api/rooms/${room.id}/read`)
      .set('Authorization', ana.auth)
      .send({ seq: second.seq + 1, threadRootId: newer.id })
      .expect(200);
    expect((await threads(ana)).items.map((i) => [i.root.body, i.unreadCount])).toEqual([
      ['Older question', 1],
      ['Newer question', 0],
    ]);
    // Bat's own replies are read by Bat; pages follow the same order by keyset.
    const first = await threads(bat, '?limit=1');
    expect(first.items.map((i) => [i.root.body, i.unreadCount])).toEqual([['Newer question', 0]]);
    const rest = await threads(bat, `?limit=1&cursor=${first.nextCursor}`);
    expect(rest.items.map((i) => i.root.body)).toEqual(['Older question']);
    expect(rest.nextCursor).toBeNull();

    // Nobody else's list holds them, and a member removed from the room loses them.
    expect((await threads(outsider)).items).toEqual([]);
    await t.http().delete(`/api/rooms/${room.id}/members/${bat.id}`).set('Authorization', ana.auth).expect(204);
    expect((await threads(bat)).items).toEqual([]);

    await t.http().get('/api/threads').expect(401);
    const bad = await t.http().get('/api/threads?limit=0&cursor=forged').set('Authorization', ana.auth).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const forged = await t.http().get('/api/threads?cursor=forged').set('Authorization', ana.auth).expect(400);
    expect(forged.body.details).toEqual([{ field: 'cursor', message: expect.any(String) as unknown as string }]);
  });
});

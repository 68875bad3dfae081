import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CityResponse, MessagePage, MessageResponse, RoomResponse, SearchResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('search everywhere: members, cities, filters, pages and permalinks', () => {
  let t: TestApp;
  let lead: TestMember;
  let sato: TestMember;
  let ivanov: TestMember;
  let outsider: TestMember;
  let groupRoomId: string;
  let topic: RoomResponse;
  let hidden: RoomResponse;

  const search = async (m: TestMember, query: Record<string, string | number>) =>
    (await t.http().get('/api/search').query(query).set('Authorization', m.auth).expect(200)).body as SearchResponse;
  const ids = (hits: { messageId: string }[]) => hits.map((hit) => hit.messageId).sort();

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Lena Coordinator' });
    sato = await t.fx.member({ displayName: '佐藤 花子', organization: '北九州市環境局' });
    ivanov = await t.fx.member({ displayName: 'Иван Иванов' });
    outsider = await t.fx.member({ displayName: 'Olga Outsider' });
    const group = await t.fx.group(lead, { name: 'Hydrogen Group', visibility: 'private' });
    groupRoomId = group.roomId;
    await t.fx.addMember(group, sato);
    await t.fx.addMember(group, ivanov);
    topic = await t.fx.room(sato, { name: 'Buses', visibility: 'private', memberIds: [ivanov.id] });
    hidden = await t.fx.room(lead, { name: 'Secretariat only', visibility: 'private' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds active members by name or organisation in any script, never pending ones', async () => {
    await t.fx.pendingMember({ displayName: '佐藤 未承認' });
    const found = await search(ivanov, { q: '佐藤', scope: 'members' });
    expect(found.members.map((m) => m.id)).toEqual([sato.id]);
    expect(found.messages).toEqual([]);
    expect((await search(ivanov, { q: '北九州市', scope: 'members' })).members.map((m) => m.id)).toEqual([sato.id]);
    expect((await search(sato, { q: 'иван' })).members.map((m) => m.id)).toEqual([ivanov.id]);
  });

  it('finds cities by English or local name, in the scope all as well', async () => {
    const created = await t
      .http()
      .post('/api/cities')
      .set('Authorization', lead.auth)
      .send({ nameEn: 'Kitakyushu', nameLocal: '北九州市', country: 'JP' })
      .expect(201);
    const city = created.body as CityResponse;
    expect((await search(sato, { q: '北九州', scope: 'cities' })).cities.map((c) => c.id)).toEqual([city.id]);
    const all = await search(sato, { q: 'kitakyu' });
    expect(all.cities.map((c) => c.id)).toEqual([city.id]);
    expect(all.nextCursor).toBeNull();
  });

  it('narrows messages by room, by author and by date; members and cities find nothing under a filter', async () => {
    const first = await t.fx.message(sato, groupRoomId, '水素バス 導入 first');
    const second = await t.fx.message(ivanov, groupRoomId, '水素バス 導入 second');
    const third = await t.fx.message(ivanov, topic.id, '水素バス 導入 third');
    expect(ids((await search(sato, { q: '水素', scope: 'messages' })).messages)).toEqual(
      [first.id, second.id, third.id].sort(),
    );
    const inRoom = await search(sato, { q: '水素', roomId: groupRoomId });
    expect(ids(inRoom.messages)).toEqual([first.id, second.id].sort());
    expect(inRoom.messages.every((hit) => hit.roomKind === 'group')).toBe(true);
    expect(inRoom.documents).toEqual([]);
    expect(ids((await search(sato, { q: '水素', authorId: ivanov.id })).messages)).toEqual(
      [second.id, third.id].sort(),
    );
    expect(ids((await search(sato, { q: '水素', from: second.createdAt })).messages)).toEqual(
      [second.id, third.id].sort(),
    );
    expect(ids((await search(sato, { q: '水素', to: second.createdAt })).messages)).toEqual([first.id]);
    expect(ids((await search(sato, { q: '水素', from: second.createdAt, to: third.createdAt })).messages)).toEqual([
      second.id,
    ]);
    // A filtered search of everything has no members or cities to narrow.
    const filtered = await search(sato, { q: '佐藤', authorId: sato.id });
    expect(filtered.members).toEqual([]);
    expect(filtered.cities).toEqual([]);
  });

  it('filters documents by uploader and date', async () => {
    const mine = await t.fx.document(sato, { title: 'Hydrogen bus tender', visibility: 'network' });
    const theirs = await t.fx.document(ivanov, { title: 'Hydrogen bus depot', visibility: 'network' });
    const both = await search(sato, { q: 'hydrogen bus', scope: 'documents' });
    expect(both.documents.map((d) => d.id).sort()).toEqual([mine.id, theirs.id].sort());
    const byIvanov = await search(sato, { q: 'hydrogen bus', scope: 'documents', authorId: ivanov.id });
    expect(byIvanov.documents.map((d) => d.id)).toEqual([theirs.id]);
    const later = await search(sato, { q: 'hydrogen bus', scope: 'documents', from: theirs.createdAt });
    expect(later.documents.map((d) => d.id)).toEqual([theirs.id]);
    expect((await search(sato, { q: 'hydrogen', roomId: groupRoomId, scope: 'documents' })).documents).toEqual([]);
  });

  it('pages one kind with nextCursor, without repeats, and never shows a room the searcher cannot read', async () => {
    const posted: string[] = [];
    for (let i = 0; i < 5; i++) posted.push((await t.fx.message(lead, hidden.id, `省エネ 会議 ${i}`)).id);
    expect((await search(sato, { q: '省エネ' })).messages).toEqual([]);
    expect((await search(sato, { q: '省エネ', roomId: hidden.id })).messages).toEqual([]);
    expect((await search(outsider, { q: '水素' })).messages).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResponse = await search(lead, {
        q: '省エネ',
        scope: 'messages',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.messages.length).toBeLessThanOrEqual(2);
      seen.push(...page.messages.map((hit) => hit.messageId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(posted.sort());

    const members: string[] = [];
    let memberCursor: string | null = null;
    do {
      const page: SearchResponse = await search(lead, {
        q: 'o',
        scope: 'members',
        limit: 1,
        ...(memberCursor ? { cursor: memberCursor } : {}),
      });
      members.push(...page.members.map((m) => m.id));
      memberCursor = page.nextCursor;
    } while (memberCursor);
    expect(members).toEqual(expect.arrayContaining([lead.id, outsider.id]));
    expect(new Set(members).size).toBe(members.length);
  });

  it('refuses bad parameters with the error shape', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const response = await t.http().get('/api/search').query(query).set('Authorization', sato.auth).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(typeof response.body.requestId).toBe('string');
      expect((response.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    };
    await bad({ q: 'x', roomId: 'not-a-uuid' }, 'roomId');
    await bad({ q: 'x', authorId: '42' }, 'authorId');
    await bad({ q: 'x', from: 'yesterday' }, 'from');
    await bad({ q: 'x', from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, 'to');
    await bad({ q: 'x', from: '0000-01-01' }, 'from');
    await bad({ q: 'x', to: '2026-02-30' }, 'to');
    await t
      .http()
      .get('/api/search')
      .query({ q: 'x', from: '0001-01-01T00:00:00+14:00', to: '9999-12-31T23:59:59-12:00' })
      .set('Authorization', sato.auth)
      .expect((response) => expect([200, 400]).toContain(response.status));
    await bad({ q: 'x', cursor: 'abc' }, 'cursor');
    await bad({ q: 'x', scope: 'messages', cursor: 'abc' }, 'cursor');
    await bad({ q: 'x', scope: 'people' }, 'scope');
    await t.http().get('/api/search').query({ q: 'x', scope: 'members' }).expect(401);
  });

  describe('permalinks: a window of history around a message', () => {
    let room: RoomResponse;
    const bySeq = new Map<number, MessageResponse>();
    const around = (m: TestMember, query: Record<string, string | number>) =>
      t.http().get(`/api/rooms/${room.id}/messages`).query(query).set('Authorization', m.auth);

    beforeAll(async () => {
      room = await t.fx.room(sato, { name: 'Long history', visibility: 'private', memberIds: [ivanov.id] });
      for (let i = 1; i <= 30; i++) {
        const message = await t.fx.message(i % 2 ? sato : ivanov, room.id, `Line ${i}`);
        bySeq.set(message.seq, message);
      }
    });

    it('returns the message with half the limit before it and the rest after, and what lies beyond', async () => {
      const seqs = [...bySeq.keys()].sort((a, b) => a - b);
      const target = seqs[14]!;
      const page = (await around(ivanov, { around: target, limit: 10 }).expect(200)).body as MessagePage;
      expect(page.items.map((m) => m.seq)).toEqual(seqs.slice(9, 19));
      expect(page.items[5]!.id).toBe(bySeq.get(target)!.id);
      // limit=1 is the message alone.
      const alone = (await around(ivanov, { around: target, limit: 1 }).expect(200)).body as MessagePage;
      expect(alone.items.map((m) => m.seq)).toEqual([target]);
      expect(page).toMatchObject({ hasOlder: true, hasNewer: true, hasMore: true });

      const start = (await around(ivanov, { around: seqs[1]!, limit: 10 }).expect(200)).body as MessagePage;
      expect(start.items.map((m) => m.seq)).toEqual(seqs.slice(0, 10));
      expect(start).toMatchObject({ hasOlder: false, hasNewer: true });

      const end = (await around(ivanov, { around: seqs.at(-1)!, limit: 10 }).expect(200)).body as MessagePage;
      expect(end.items.map((m) => m.seq)).toEqual(seqs.slice(-10));
      expect(end).toMatchObject({ hasOlder: true, hasNewer: false });
    });

    it('is 400 for a bad or contradictory window and 404 for someone who left the room or never was in it', async () => {
      const target = [...bySeq.keys()][3]!;
      const windows: Record<string, string | number>[] = [
        { around: 0 },
        { around: 'x' },
        { around: target, before: target },
        { around: target, after: 1 },
      ];
      for (const query of windows) {
        const response = await around(ivanov, query).expect(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect((response.body.details as { field: string }[])[0]!.field).toMatch(/around|before|after/);
      }
      await around(outsider, { around: target }).expect(404);
      await t.http().post(`/api/rooms/${room.id}/leave`).set('Authorization', ivanov.auth).expect(204);
      const refused = await around(ivanov, { around: target }).expect(404);
      expect(refused.body).toMatchObject({ statusCode: 404, code: 'ROOM_NOT_FOUND' });
      // And search forgets the room for them at the same time.
      expect((await search(ivanov, { q: 'line', roomId: room.id })).messages).toEqual([]);
      expect((await search(sato, { q: 'line', roomId: room.id })).messages.length).toBeGreaterThan(0);
    });
  });
});

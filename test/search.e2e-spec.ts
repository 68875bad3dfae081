import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { MessageSearchHit } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('search over messages and documents', () => {
  let t: TestApp;
  let lead: TestMember;
  let member: TestMember;
  let outsider: TestMember;
  let roomId: string;
  const ids: Record<string, string> = {};

  const post = async (key: string, body: string) => {
    ids[key] = (await t.fx.message(member, roomId, body)).id;
  };
  const search = async (m: TestMember, q: string, scope = 'messages') =>
    (await t.http().get('/api/search').query({ q, scope }).set('Authorization', m.auth).expect(200)).body as {
      messages: MessageSearchHit[];
      documents: { id: string; title: string }[];
    };

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator' });
    member = await t.fx.member();
    outsider = await t.fx.member();
    const group = await t.fx.group(lead, { name: 'Search Group', visibility: 'private' });
    roomId = group.roomId;
    await t.fx.addMember(group, member);
    await post('zh', '天津市发布了低碳城市发展规划');
    await post('ja', '北九州市の環境モデル都市の取り組み');
    await post('ko', '인천광역시 탄소중립 기본계획을 공유합니다');
    await post('ru', 'Владивосток утвердил стратегию низкоуглеродного развития');
    await post('en', 'District heating retrofits in Ulaanbaatar');
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds messages by a word in Chinese, Japanese, Korean, Russian and English, with highlighted snippets', async () => {
    const cases: [string, string][] = [
      ['低碳', 'zh'],
      ['環境', 'ja'],
      ['탄소중립', 'ko'],
      ['стратегию', 'ru'],
      ['heating', 'en'],
    ];
    for (const [q, key] of cases) {
      const { messages } = await search(member, q);
      expect({ q, found: messages.map((m) => m.messageId) }).toEqual({ q, found: [ids[key]] });
      expect(messages[0]!.snippet).toContain('<b>');
      expect(messages[0]!.roomId).toBe(roomId);
    }
    // Prefix matching stands in for stemming in inflected languages.
    expect((await search(member, 'Владивосток')).messages.map((m) => m.messageId)).toEqual([ids.ru]);
  });

  it('ranks the best match first, not the newest, and matches quoted words as a phrase', async () => {
    await post('tramOld', 'Tram depot: tram lines, tram stops and the tram fleet plan');
    await post('tramNew', 'A new tram line opens next year');
    const trams = (await search(member, 'tram')).messages.map((m) => m.messageId);
    expect(trams).toEqual([ids.tramOld, ids.tramNew]);

    await post('phrase', 'A carbon tax on freight from next spring');
    await post('apart', 'Tax relief for carbon capture pilots');
    const both = (await search(member, 'carbon tax')).messages.map((m) => m.messageId);
    expect(both.sort()).toEqual([ids.phrase, ids.apart].sort());
    const phrase = await search(member, '"carbon tax"');
    expect(phrase.messages.map((m) => m.messageId)).toEqual([ids.phrase]);
    expect(phrase.messages[0]!.snippet).toContain('<b>carbon</b> <b>tax</b>');
  });

  it('finds by prefix through the words messages hold, as they are written and edited, with the same results', async () => {
    await post('proofing', 'Weatherproofing the bus depot');
    await post('proof', 'Two weatherproof plans for schools');
    await post('host', 'Minutes at weather.example.org/minutes');
    const words = async (prefix: string) =>
      (
        (await t.app
          .get(DataSource)
          .query(`SELECT word FROM message_words WHERE starts_with(word, $1) ORDER BY word`, [prefix])) as {
          word: string;
        }[]
      ).map((row) => row.word);
    // The database lists every word of a message as it commits.
    expect(await words('weather')).toEqual(['weather.example.org', 'weatherproof', 'weatherproofing']);
    const found = async (q: string) => (await search(member, q)).messages.map((m) => m.messageId).sort();
    // `weatherproof` is searched as the two plain words it begins; `weather` also begins a host name, which the text
    // parser would split, so it stays a prefix: both find what a prefix finds.
    expect(await found('weatherproof')).toEqual([ids.proofing, ids.proof].sort());
    expect(await found('weather')).toEqual([ids.proofing, ids.proof, ids.host].sort());
    expect(await found('weatherproof bus')).toEqual([ids.proofing]);
    expect(await found('weatherproofx')).toEqual([]);
    // An edit's new words are listed too.
    await t
      .http()
      .patch(`/api/messages/${ids.proof}`)
      .set('Authorization', member.auth)
      .send({ body: 'Two geothermal plans for schools' })
      .expect(200);
    expect(await words('geotherm')).toEqual(['geothermal']);
    expect(await found('geotherm')).toEqual([ids.proof]);
    expect(await found('weatherproof')).toEqual([ids.proofing]);
  });

  it('only searches rooms the member is in, never deleted messages, and follows edits', async () => {
    expect((await search(outsider, '低碳')).messages).toEqual([]);
    await t.http().delete(`/api/messages/${ids.en}`).set('Authorization', member.auth).expect(200);
    expect((await search(member, 'heating')).messages).toEqual([]);
    await t
      .http()
      .patch(`/api/messages/${ids.ko}`)
      .set('Authorization', member.auth)
      .send({ body: '인천 수소버스 도입 계획' })
      .expect(200);
    expect((await search(member, '수소버스')).messages.map((m) => m.messageId)).toEqual([ids.ko]);
    expect((await search(member, '탄소중립')).messages).toEqual([]);
  });

  it('scopes: all includes documents, messages leaves them out; bad queries are 400; tokens are required', async () => {
    const all = await search(member, '低碳', 'all');
    expect(Array.isArray(all.documents)).toBe(true);
    expect(all.messages).toHaveLength(1);
    expect((await search(member, '低碳', 'messages')).documents).toEqual([]);
    expect((await search(member, '低碳', 'documents')).messages).toEqual([]);
    await t.http().get('/api/search').query({ q: '', scope: 'all' }).set('Authorization', member.auth).expect(400);
    await t.http().get('/api/search').query({ q: 'x', scope: 'people' }).set('Authorization', member.auth).expect(400);
    await t.http().get('/api/search').query({ q: 'x' }).expect(401);
    expect((await search(member, '!!!')).messages).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLIENT_EVENTS, type ClientToServerEvents, type MessageResponse } from '@lcc/contracts';
import { connectSocket, emitAck, type PortalClient, type TestMember } from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Hostile input against every operation of the OpenAPI document and every client → server socket event, as an
 * admin, as a plain member and anonymously. Nothing may answer 5xx or acknowledge INTERNAL_ERROR. Cases are drawn
 * with a fixed seed, so a failure names an operation and input that fail again on the next run.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: Json[];
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const SEED = 20261204;
const CASES_PER_OPERATION_AND_ACTOR = 16;
const DEEP = 10_000;
/** socket.io-client walks a payload recursively (looking for binaries) and overflows its own stack near 6,000. */
const SOCKET_DEEP = 3_000;

/** mulberry32: small, seeded, good enough to pick cases deterministically. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Placeholders swapped into the serialised JSON: an object literal cannot hold an own `__proto__` key. */
const PROTO = '__fuzz_proto__';
const DEEP_MARK = '__fuzz_deep__';

/** Hostile JSON values for a body field or a socket payload field. */
const HOSTILE_VALUES: { label: string; value: Json }[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone high surrogate', value: 'x\ud800' },
  { label: 'lone low surrogate', value: '\udc00y' },
  { label: '1e300', value: 1e300 },
  { label: '-1', value: -1 },
  { label: '2^64', value: 2 ** 64 },
  { label: 'float', value: 1.5 },
  { label: 'huge string', value: 'x'.repeat(60_000) },
  { label: 'nested 10k deep', value: DEEP_MARK },
  { label: 'object', value: { a: 1 } },
  { label: 'array of NUL', value: ['\u0000'] },
  { label: 'boolean', value: true },
  { label: 'null', value: null },
  { label: '__proto__ key', value: { [PROTO]: { polluted: true } } },
  { label: 'not a uuid', value: 'not-a-uuid' },
  { label: 'date out of range', value: '99999-01-01T00:00:00Z' },
];

/** Hostile raw query values, already percent-encoded where they need to be. */
const HOSTILE_QUERY: string[] = [
  '%00',
  '%ED%A0%80',
  '%E0%A4%A',
  '1e300',
  '-1',
  '18446744073709551616',
  '99999999999999999999',
  '1.5',
  'x'.repeat(5000),
  'a&b[c][d][e][f][g][h]=1',
  '__proto__',
  'true',
];

/** Forged `cursor` values: wrong types, wrong arity, unstorable text, not base64url at all. */
const FORGED_CURSORS: string[] = [
  b64(['not-a-date', 'not-a-uuid']),
  b64([1e300, randomUUID()]),
  b64(['2026-01-01T00:00:00.000Z', 'x']),
  b64(['\u0000', randomUUID()]),
  b64(['\ud800', randomUUID()]),
  Buffer.from('[99999999999999999999, 99999999999999999999]').toString('base64url'),
  b64([-1]),
  b64([1.5]),
  b64([[1], { a: 1 }]),
  b64({ __proto__: null }),
  b64(['a', 'b', 'c', 'd', 'e', 'f']),
  b64([2 ** 40, 2 ** 40, 2 ** 40, 2 ** 40, 2 ** 40, randomUUID()]),
  b64(['99999-01-01T00:00:00Z', randomUUID()]),
  '%%%',
  'x'.repeat(600),
];

/** Hostile raw path segments, percent-encoded. */
const HOSTILE_SEGMENTS: string[] = [
  '%00',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  '-1',
  '1e300',
  '99999999999999999999',
  'x'.repeat(3000),
  '__proto__',
  'a%00b.ics',
  '%F0%9F%98%80',
];

function serialise(value: unknown, depth = DEEP): string {
  return JSON.stringify(value)
    .replaceAll(`"${PROTO}"`, '"__proto__"')
    .replaceAll(`"${DEEP_MARK}"`, '['.repeat(depth) + ']'.repeat(depth));
}

interface Case {
  label: string;
  method: string;
  path: string;
  query?: string;
  body?: string;
  multipart?: Record<string, string>;
}

describe('fuzz: hostile input never reaches a 500', () => {
  let t: TestApp;
  let admin: TestMember;
  let member: TestMember;
  let victim: TestMember;
  let doc: OpenApi;
  const known: Record<string, string> = {};
  const sockets: PortalClient[] = [];
  const failures: string[] = [];

  const resolve = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.split('/').at(-1)!] ?? {};
    if (s.allOf?.length) return resolve(s.allOf[0]);
    return s;
  };

  /** A plausible value of a schema, so a case changes one field of an otherwise sensible body. */
  const sample = (schema: Schema | undefined, depth = 0): Json => {
    const s = resolve(schema);
    if (s.enum?.length) return s.enum[0]!;
    if (depth > 4) return null;
    switch (s.type) {
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return [sample(s.items, depth + 1)];
      case 'object':
        return Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([key, value]) => [key, sample(value, depth + 1)]),
        );
      default:
        if (s.format === 'uuid') return known.groupId ?? randomUUID();
        if (s.format === 'date-time') return '2027-03-10T09:00:00Z';
        if (s.format === 'email') return 'someone@example.org';
        return 'Fuzz text';
    }
  };

  /** Fills path parameters with ids of real rows (found through the list above them) or a fresh uuid. */
  const discover = async (path: string): Promise<Record<string, string>> => {
    const values: Record<string, string> = {};
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const name = /\{(\w+)\}/.exec(parts[i]!)?.[1];
      if (!name) continue;
      const prefix = parts.slice(0, i).join('/');
      const key = `${prefix.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? n)} ${name}`;
      if (!(key in known)) {
        const listPath = prefix.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(values[n] ?? ''));
        const list = await t.http().get(listPath).set('Authorization', admin.auth);
        const body = list.body as { items?: Record<string, unknown>[] } | Record<string, unknown>[];
        const first = Array.isArray(body) ? body[0] : body?.items?.[0];
        const found = first?.[name] ?? first?.id;
        known[key] = typeof found === 'string' ? found : randomUUID();
      }
      values[name] = known[key]!;
    }
    return values;
  };

  const casesOf = async (path: string, method: string, op: Operation, random: () => number): Promise<Case[]> => {
    const params = await discover(path);
    const fill = (override?: [string, string]) =>
      path.replace(/\{(\w+)\}/g, (_, n: string) =>
        override?.[0] === n ? override[1] : encodeURIComponent(params[n] ?? randomUUID()),
      );
    const cases: Case[] = [];
    // Always sent, not drawn: `null` for each body field in turn (a PATCH must refuse a null it cannot store).
    const nulls: Case[] = [];
    for (const name of Object.keys(params)) {
      for (const segment of HOSTILE_SEGMENTS) {
        cases.push({ label: `path ${name}=${segment.slice(0, 20)}`, method, path: fill([name, segment]) });
      }
    }
    const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    for (const name of [...queryNames, 'unknownParam']) {
      const values = name === 'cursor' ? [...FORGED_CURSORS, ...HOSTILE_QUERY] : HOSTILE_QUERY;
      for (const value of values) {
        cases.push({ label: `query ${name}=${value.slice(0, 24)}`, method, path: fill(), query: `${name}=${value}` });
      }
    }
    const content = op.requestBody?.content ?? {};
    const json = content['application/json'];
    const form = content['multipart/form-data'];
    if (json) {
      const base = sample(json.schema);
      const fields = Object.keys(resolve(json.schema).properties ?? {});
      for (const field of fields) {
        nulls.push({
          label: `body ${field}=null (always)`,
          method,
          path: fill(),
          body: serialise({ ...(base as Record<string, Json>), [field]: null }),
        });
        for (const hostile of HOSTILE_VALUES) {
          const body = { ...(base as Record<string, Json>), [field]: hostile.value };
          cases.push({ label: `body ${field}=${hostile.label}`, method, path: fill(), body: serialise(body) });
        }
      }
      for (const whole of ['[]', '"\\u0000"', '1e300', serialise(DEEP_MARK), serialise({ [PROTO]: base })]) {
        cases.push({ label: `body ${whole.slice(0, 20)}`, method, path: fill(), body: whole });
      }
    }
    if (form) {
      const fields = Object.keys(resolve(form.schema).properties ?? {}).filter((f) => f !== 'file');
      const base: Record<string, string> = { title: 'Fuzz', kind: 'report', visibility: 'network' };
      for (const field of fields) {
        for (const value of ['a\u0000b', 'x\ud800', '1e300', '-1', '18446744073709551616', 'x'.repeat(70_000)]) {
          cases.push({
            label: `multipart ${field}=${JSON.stringify(value.slice(0, 12))}`,
            method,
            path: fill(),
            multipart: { ...base, [field]: value },
          });
        }
      }
      const proto = Object.fromEntries([...Object.entries(base), ['__proto__', 'x']]) as Record<string, string>;
      cases.push({ label: 'multipart __proto__', method, path: fill(), multipart: proto });
    }
    return [...pick(random, cases, CASES_PER_OPERATION_AND_ACTOR), ...nulls];
  };

  const send = async (c: Case, auth: string | null): Promise<number> => {
    const url = c.query ? `${c.path}?${c.query}` : c.path;
    let req = t.http()[c.method as 'get'](url);
    if (auth) req = req.set('Authorization', auth);
    if (c.multipart) {
      for (const [name, value] of Object.entries(c.multipart)) req = req.field(name, value);
      req = req.attach('file', Buffer.from('plain text'), 'notes.txt');
    } else if (c.body !== undefined) {
      req = req.set('Content-Type', 'application/json').send(c.body);
    }
    const response = await req.ok(() => true);
    return response.status;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_SOCKET_BURST: '100000', RATE_LIMIT_SOCKET_PER_SECOND: '100000' } });
    admin = await t.fx.admin();
    member = await t.fx.member({ displayName: 'Fuzz Member' });
    victim = await t.fx.member({ displayName: 'Fuzz Victim' });
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApi;

    // Real rows, so path parameters reach past "not found" into the handlers.
    const group = await t
      .http()
      .post('/api/working-groups')
      .set('Authorization', admin.auth)
      .send({ name: 'Fuzz Group', thematicArea: 'low_carbon_cities', visibility: 'public' })
      .expect(201);
    known.groupId = group.body.id as string;
    await t.http().post(`/api/working-groups/${known.groupId}/join`).set('Authorization', member.auth).expect(200);
    known.roomId = group.body.roomId as string;
    const sent = await t
      .http()
      .post(`/api/rooms/${known.roomId}/messages`)
      .set('Authorization', member.auth)
      .send({ clientId: randomUUID(), body: 'hello' })
      .expect(201);
    known.messageId = (sent.body as { message?: MessageResponse; id?: string }).message?.id ?? sent.body.id;
    await t
      .http()
      .post(`/api/working-groups/${known.groupId}/meetings`)
      .set('Authorization', admin.auth)
      .send({
        title: 'Fuzz meeting',
        startsAt: '2027-03-10T09:00:00Z',
        endsAt: '2027-03-10T10:00:00Z',
        timeZone: 'Asia/Ulaanbaatar',
      })
      .expect(201);
    await t
      .http()
      .post('/api/documents')
      .set('Authorization', admin.auth)
      .field('title', 'Fuzz document')
      .field('kind', 'report')
      .field('visibility', 'network')
      .attach('file', Buffer.from('fuzz notes'), 'notes.txt')
      .expect(201);
    await t
      .http()
      .post('/api/cities')
      .set('Authorization', admin.auth)
      .send({ nameEn: 'Fuzz City', country: 'MN', visibility: 'public' })
      .expect(201);
    // Destructive routes on members act on a bystander, not on the members sending the cases.
    known['/api/members id'] = victim.id;
    known[`/api/rooms ${'id'}`] = known.roomId;
    known[`/api/messages ${'id'}`] = known.messageId!;
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('refuses unstorable, undecodable and too deep input at the edge in the contract error shape', async () => {
    const refusals = [
      t.http().get('/api/members/%E0%A4%A').set('Authorization', member.auth),
      t.http().get('/api/working-groups?q=a%00b').set('Authorization', member.auth),
      t.http().get(`/api/rooms/${known.roomId}/messages?after=1e300`).set('Authorization', member.auth),
      t.http().get(`/api/rooms/${known.roomId}/messages?before=99999999999999999999`).set('Authorization', member.auth),
      t
        .http()
        .get(`/api/members?cursor=${b64(['\u0000', randomUUID()])}`)
        .set('Authorization', member.auth),
      t
        .http()
        .patch('/api/members/me')
        .set('Authorization', member.auth)
        .set('Content-Type', 'application/json')
        .send(serialise({ organization: DEEP_MARK })),
      t.http().patch('/api/members/me').set('Authorization', member.auth).send({ organization: 'x\ud800' }),
    ];
    for (const response of await Promise.all(refusals)) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
      expect(response.body.requestId).not.toBe('');
    }
    const nul = await emitAck(
      await connectSocket(t.url, member.accessToken).then((s) => (sockets.push(s), s)),
      'message.send',
      {
        roomId: known.roomId!,
        clientId: randomUUID(),
        body: 'a\u0000b',
      },
    );
    expect(nul).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('fails only the NUL message when many members send into one room at once, over sockets and REST', async () => {
    const senders = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.fx.member({ displayName: `Busy Sender ${i}` })),
    );
    for (const sender of senders) {
      await t.http().post(`/api/working-groups/${known.groupId}/join`).set('Authorization', sender.auth).expect(200);
    }
    const clients = await Promise.all(senders.map((sender) => connectSocket(t.url, sender.accessToken)));
    sockets.push(...clients);
    await Promise.all(clients.map((c) => emitAck(c, 'room.join', { roomId: known.roomId! })));

    const good: `${string}-${string}-${string}-${string}-${string}`[] = [];
    const bad: typeof good = [];
    const sends = senders.flatMap((sender, i) =>
      Array.from({ length: 4 }, (_, k) => {
        const clientId = randomUUID();
        const poisoned = (i === 3 && k === 1) || (i === 7 && k === 2);
        const body = poisoned ? `bad \u0000 message ${i}` : `busy ${i}.${k}`;
        (poisoned ? bad : good).push(clientId);
        if (k % 2 === 0) {
          return emitAck(clients[i]!, 'message.send', { roomId: known.roomId!, clientId, body }).then((ack) => ({
            clientId,
            ok: ack.ok,
            code: ack.ok ? null : ack.error.code,
          }));
        }
        return t
          .http()
          .post(`/api/rooms/${known.roomId}/messages`)
          .set('Authorization', sender.auth)
          .send({ clientId, body })
          .then((r) => ({
            clientId,
            ok: r.status === 201,
            code: r.status === 201 ? null : (r.body as { code: string }).code,
          }));
      }),
    );
    const results = await Promise.all(sends);
    const byId = new Map(results.map((r) => [r.clientId, r]));
    for (const id of good) expect(byId.get(id)).toEqual({ clientId: id, ok: true, code: null });
    for (const id of bad) expect(byId.get(id)).toEqual({ clientId: id, ok: false, code: 'VALIDATION_FAILED' });

    const stored = new Set<string>();
    let before: number | undefined;
    for (;;) {
      const page = await t
        .http()
        .get(`/api/rooms/${known.roomId}/messages`)
        .query({ limit: 100, ...(before ? { before } : {}) })
        .set('Authorization', senders[0]!.auth)
        .expect(200);
      const items = page.body.items as MessageResponse[];
      for (const m of items) stored.add(m.clientId);
      if (!page.body.hasMore || !items.length) break;
      before = items[0]!.seq;
    }
    expect(good.filter((id) => !stored.has(id))).toEqual([]);
    expect(bad.filter((id) => stored.has(id))).toEqual([]);
  }, 60_000);

  it('answers every operation of the OpenAPI document without a 5xx', async () => {
    const random = prng(SEED);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );
    // Signing out or changing one's own password would end the actors' sessions half-way through.
    const skipped = new Set(['post /api/auth/logout']);
    let count = 0;
    const started = performance.now();
    for (const { path, method, op } of operations) {
      if (skipped.has(`${method} ${path}`)) continue;
      for (const [actor, auth] of [
        ['admin', () => admin.auth],
        ['member', () => member.auth],
        ['anonymous', () => null],
      ] as const) {
        for (const c of await casesOf(path, method, op, random)) {
          const status = await send(c, auth());
          count += 1;
          if (status >= 500) failures.push(`${status} ${actor} ${method.toUpperCase()} ${path} — ${c.label}`);
        }
      }
      // A case may have revoked a session (e.g. DELETE /api/auth/sessions/:id): sign in again and go on.
      for (const who of ['admin', 'member'] as const) {
        const current = who === 'admin' ? admin : member;
        const me = await t.http().get('/api/members/me').set('Authorization', current.auth);
        if (me.status === 401) {
          const fresh = await t.fx.login(current.email, current.password);
          if (who === 'admin') admin = fresh;
          else member = fresh;
        }
      }
    }
    process.stderr.write(
      `fuzz: ${operations.length} operations, ${count} HTTP cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(operations.length * 2 * CASES_PER_OPERATION_AND_ACTOR);
  }, 240_000);

  it('acknowledges every socket event with hostile payloads, never with INTERNAL_ERROR', async () => {
    const random = prng(SEED + 1);
    const base: Record<keyof ClientToServerEvents, Record<string, Json>> = {
      'room.join': { roomId: known.roomId!, sinceSeq: 0 },
      'room.leave': { roomId: known.roomId! },
      'message.send': { roomId: known.roomId!, clientId: randomUUID(), body: 'hi' },
      'message.edit': { messageId: known.messageId!, body: 'edited' },
      'message.delete': { messageId: randomUUID() },
      'reaction.toggle': { messageId: known.messageId!, emoji: '👍' },
      typing: { roomId: known.roomId! },
      'room.read': { roomId: known.roomId!, seq: 1 },
      'presence.set': { status: 'away' },
    };
    const socketFailures: string[] = [];
    let count = 0;
    for (const who of [admin, member]) {
      const socket = await connectSocket(t.url, who.accessToken);
      sockets.push(socket);
      for (const event of CLIENT_EVENTS) {
        const payloads: { label: string; payload: string }[] = [];
        for (const field of Object.keys(base[event])) {
          for (const hostile of HOSTILE_VALUES) {
            payloads.push({
              label: `${field}=${hostile.label}`,
              payload: serialise({ ...base[event], [field]: hostile.value }, SOCKET_DEEP),
            });
          }
        }
        for (const whole of ['"\\u0000"', '1e300', 'null', '[]', serialise(DEEP_MARK, SOCKET_DEEP)]) {
          payloads.push({ label: `payload ${whole.slice(0, 12)}`, payload: whole });
        }
        payloads.push({ label: '__proto__ key', payload: serialise({ ...base[event], [PROTO]: { x: 1 } }) });
        for (const { label, payload } of pick(random, payloads, 14)) {
          count += 1;
          const ack = await emitAck(socket, event, JSON.parse(payload) as never, 10_000).catch(
            (error: Error) => ({ ok: false, error: { code: 'NO_ACK', message: error.message } }) as const,
          );
          if (!ack.ok && (ack.error.code === 'INTERNAL_ERROR' || ack.error.code === 'NO_ACK')) {
            socketFailures.push(`${ack.error.code} ${event} — ${label}`);
          }
        }
      }
    }
    // Anonymous: a hostile token is refused at the handshake, never a crash.
    for (const token of ['\u0000', 'x\ud800', 'x'.repeat(10_000), 'a.b.c']) {
      const outcome = await connectSocket(t.url, token).then(
        (s) => (s.close(), 'connected'),
        (error: { data?: { code?: string } }) => error.data?.code ?? 'refused',
      );
      count += 1;
      if (outcome !== 'UNAUTHORIZED') socketFailures.push(`handshake with a hostile token: ${outcome}`);
    }
    process.stderr.write(`fuzz: ${CLIENT_EVENTS.length} socket events, ${count} socket cases\n`);
    expect(socketFailures).toEqual([]);
  }, 120_000);
});

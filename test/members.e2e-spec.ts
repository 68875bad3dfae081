import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MemberResponse } from '@lcc/contracts';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('members: profiles, directory, admin actions, audit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 on every protected route without a token', async () => {
    const routes: [string, string][] = [
      ['get', '/api/members/me'],
      ['patch', '/api/members/me'],
      ['get', '/api/members'],
      ['get', `/api/members/${UNKNOWN_ID}`],
      ['post', `/api/members/${UNKNOWN_ID}/approve`],
      ['post', `/api/members/${UNKNOWN_ID}/suspend`],
      ['post', `/api/members/${UNKNOWN_ID}/reinstate`],
      ['patch', `/api/members/${UNKNOWN_ID}/role`],
      ['get', '/api/audit'],
      ['post', '/api/invitations'],
      ['get', '/api/auth/sessions'],
      ['delete', `/api/auth/sessions/${UNKNOWN_ID}`],
      ['post', '/api/auth/password'],
      ['post', '/api/auth/logout-all'],
    ];
    for (const [method, path] of routes) {
      const response = await (
        t.http() as unknown as Record<
          string,
          (p: string) => Promise<{ status: number; body: { code: string; requestId: string } }>
        >
      )[method]!(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 401,
        code: 'UNAUTHORIZED',
      });
      expect(response.body.requestId).toEqual(expect.any(String));
    }
  });

  it('updates my profile with validation, and 400 names every bad field', async () => {
    const member = await t.fx.member();
    const bad = await t
      .http()
      .patch('/api/members/me')
      .set('Authorization', member.auth)
      .send({ country: 'XX', timeZone: 'Mars/Olympus', language: 'fr', role: 'admin', expertise: ['ok', ''] })
      .expect(400);
    const fields = new Set(bad.body.details.map((d: { field: string }) => d.field));
    expect(fields).toEqual(new Set(['country', 'timeZone', 'language', 'role', 'expertise']));
    const unchanged = await t.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
    expect(unchanged.body.country).toBe('MN');

    const updated = await t
      .http()
      .patch('/api/members/me')
      .set('Authorization', member.auth)
      .send({
        displayName: '  山田 太郎 ',
        country: 'JP',
        city: '富山市',
        timeZone: 'Asia/Tokyo',
        expertise: ['district heating'],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      displayName: '山田 太郎',
      country: 'JP',
      city: '富山市',
      timeZone: 'Asia/Tokyo',
      role: 'member',
    });
    const stored = await sql(t.databaseUrl, 'SELECT display_name, country, search_text FROM members WHERE id = $1', [
      member.id,
    ]);
    expect(stored[0]).toMatchObject({ display_name: '山田 太郎', country: 'JP' });
    expect(stored[0]!.search_text).toContain('富山市');
  });

  it('refuses a duplicate e-mail in any letter case with 409, and bad registrations with 400 details', async () => {
    const member = await t.fx.member();
    const dup = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: member.email.toUpperCase(),
        password: 'another-Password-1',
        displayName: 'Dup',
        memberType: 'business',
        country: 'KR',
      })
      .expect(409);
    expect(dup.body.code).toBe('EMAIL_TAKEN');

    const bad = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: 'no-at-sign',
        password: 'onlyletterspassword',
        displayName: 'X',
        memberType: 'city_government',
        country: 'mn',
        timeZone: 'Asia/Nowhere',
        isAdmin: true,
      })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = new Set(bad.body.details.map((d: { field: string }) => d.field));
    expect(fields).toEqual(new Set(['email', 'password', 'country', 'timeZone', 'isAdmin']));
    const count = await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM members WHERE email = 'no-at-sign'`);
    expect(count[0]!.n).toBe(0);
  });

  it('finds members by CJK, Hangul and Cyrillic names, organisations and cities, with filters and keyset pages', async () => {
    const people = [
      {
        displayName: '王小明',
        organization: '天津市生态环境局',
        city: '天津',
        country: 'CN',
        memberType: 'city_government',
      },
      {
        displayName: '北九州 花子',
        organization: '北九州市環境局',
        city: '北九州市',
        country: 'JP',
        memberType: 'city_government',
      },
      {
        displayName: '김민준',
        organization: '인천광역시',
        city: '인천',
        country: 'KR',
        memberType: 'city_government',
        expertise: ['Eco-Labelling'],
      },
      {
        displayName: 'Владимир Петров',
        organization: 'Администрация Владивостока',
        city: 'Владивосток',
        country: 'RU',
        memberType: 'national_government',
      },
      {
        displayName: 'Sarnai Bat',
        organization: 'Ulaanbaatar Clean Air',
        city: 'Ulaanbaatar',
        country: 'MN',
        memberType: 'civil_society',
      },
    ] as const;
    const viewer = await t.fx.member();
    for (const person of people)
      await t.fx.member({ ...person, expertise: 'expertise' in person ? [...person.expertise] : [] });

    const search = async (query: Record<string, string | number>): Promise<MemberResponse[]> => {
      const response = await t.http().get('/api/members').query(query).set('Authorization', viewer.auth).expect(200);
      return response.body.items as MemberResponse[];
    };
    expect((await search({ q: '小明' })).map((m) => m.displayName)).toEqual(['王小明']);
    expect((await search({ q: '天津市' })).map((m) => m.displayName)).toEqual(['王小明']);
    expect((await search({ q: '北九州' })).map((m) => m.displayName)).toEqual(['北九州 花子']);
    expect((await search({ q: '인천' })).map((m) => m.displayName)).toEqual(['김민준']);
    // Case-insensitive in Cyrillic, whatever the database's collation.
    expect((await search({ q: 'владивосток' })).map((m) => m.displayName)).toEqual(['Владимир Петров']);
    expect((await search({ q: 'ПЕТРОВ' })).map((m) => m.displayName)).toEqual(['Владимир Петров']);
    // Wildcards are literal.
    expect(await search({ q: '%' })).toEqual([]);
    expect((await search({ country: 'RU' })).map((m) => m.country)).toEqual(['RU']);
    expect((await search({ memberType: 'civil_society' })).map((m) => m.displayName)).toEqual(['Sarnai Bat']);
    expect((await search({ expertise: 'eco-labelling' })).map((m) => m.displayName)).toEqual(['김민준']);
    // Other members' e-mails are hidden from a plain member.
    expect((await search({ q: 'Sarnai' }))[0]!.email).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: MemberResponse[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/members')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .set('Authorization', viewer.auth)
        .expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((m: MemberResponse) => m.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    const active = await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM members WHERE status = 'active'`);
    expect(seen).toHaveLength(active[0]!.n as number);
    expect(new Set(seen).size).toBe(seen.length);

    const badQuery = await t
      .http()
      .get('/api/members')
      .query({ limit: 500, cursor: 'not-a-cursor' })
      .set('Authorization', viewer.auth)
      .expect(400);
    expect(badQuery.body.details.map((d: { field: string }) => d.field)).toContain('limit');
    await t.http().get('/api/members').query({ cursor: 'bm90LWpzb24' }).set('Authorization', viewer.auth).expect(400);
  });

  it('hides pending members from members (404) and shows them to coordinators', async () => {
    const pending = await t.fx.pendingMember();
    const member = await t.fx.member();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    await t.http().get(`/api/members/${pending.id}`).set('Authorization', member.auth).expect(404);
    await t.http().get(`/api/members/${UNKNOWN_ID}`).set('Authorization', member.auth).expect(404);
    await t.http().get('/api/members/not-a-uuid').set('Authorization', member.auth).expect(400);
    const seen = await t.http().get(`/api/members/${pending.id}`).set('Authorization', coordinator.auth).expect(200);
    expect(seen.body).toMatchObject({ status: 'pending', email: pending.email });
    const list = await t
      .http()
      .get('/api/members')
      .query({ status: 'pending' })
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(list.body.items.map((m: MemberResponse) => m.id)).toContain(pending.id);
    // A member asking for pending members still gets active ones only.
    const asMember = await t
      .http()
      .get('/api/members')
      .query({ status: 'pending' })
      .set('Authorization', member.auth)
      .expect(200);
    expect(asMember.body.items.every((m: MemberResponse) => m.status === 'active')).toBe(true);
  });

  it('enforces role boundaries: 403 for members, observers and coordinators beyond their rank', async () => {
    const member = await t.fx.member();
    const observer = await t.fx.member({ role: 'observer' });
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const otherCoordinator = await t.fx.member({ role: 'coordinator' });
    const admin = await t.fx.admin();
    const pending = await t.fx.pendingMember();

    for (const actor of [member, observer]) {
      await t.http().post(`/api/members/${pending.id}/approve`).set('Authorization', actor.auth).expect(403);
      await t.http().post(`/api/members/${member.id}/suspend`).set('Authorization', actor.auth).expect(403);
      await t
        .http()
        .post('/api/invitations')
        .set('Authorization', actor.auth)
        .send({ email: t.fx.email() })
        .expect(403);
      await t.http().get('/api/audit').set('Authorization', actor.auth).expect(403);
    }
    await t
      .http()
      .patch(`/api/members/${member.id}/role`)
      .set('Authorization', coordinator.auth)
      .send({ role: 'admin' })
      .expect(403);
    await t.http().get('/api/audit').set('Authorization', coordinator.auth).expect(403);
    const peer = await t
      .http()
      .post(`/api/members/${otherCoordinator.id}/suspend`)
      .set('Authorization', coordinator.auth)
      .expect(403);
    expect(peer.body.code).toBe('INSUFFICIENT_ROLE');
    await t.http().post(`/api/members/${admin.id}/suspend`).set('Authorization', coordinator.auth).expect(403);
    const invite = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', coordinator.auth)
      .send({ email: t.fx.email(), role: 'admin' })
      .expect(403);
    expect(invite.body.code).toBe('INVITATION_ROLE_NOT_ALLOWED');
    const self = await t
      .http()
      .patch(`/api/members/${admin.id}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'member' })
      .expect(403);
    expect(self.body.code).toBe('CANNOT_ACT_ON_SELF');
    await t
      .http()
      .patch(`/api/members/${UNKNOWN_ID}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'member' })
      .expect(404);
    const badRole = await t
      .http()
      .patch(`/api/members/${member.id}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'superuser' })
      .expect(400);
    expect(badRole.body.details[0].field).toBe('role');

    await t.http().post(`/api/members/${pending.id}/approve`).set('Authorization', coordinator.auth).expect(200);
    const twice = await t
      .http()
      .post(`/api/members/${pending.id}/approve`)
      .set('Authorization', coordinator.auth)
      .expect(409);
    expect(twice.body.code).toBe('MEMBER_NOT_PENDING');
    const promoted = await t
      .http()
      .patch(`/api/members/${member.id}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'coordinator' })
      .expect(200);
    expect(promoted.body.role).toBe('coordinator');
  });

  it('suspension cuts existing access and refresh tokens at once, and reinstating lets the member sign in again', async () => {
    const member = await t.fx.member();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    await t.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
    await t.http().post(`/api/members/${member.id}/suspend`).set('Authorization', coordinator.auth).expect(200);
    await t.http().get('/api/members/me').set('Authorization', member.auth).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: member.email, password: member.password })
      .expect(403);
    expect(login.body.code).toBe('ACCOUNT_SUSPENDED');
    await t.http().post(`/api/members/${member.id}/suspend`).set('Authorization', coordinator.auth).expect(409);
    await t.http().post(`/api/members/${member.id}/reinstate`).set('Authorization', coordinator.auth).expect(200);
    await t.fx.login(member.email, member.password);
  });

  it('writes audit rows for approve, suspend, role change and invitations; admins read them newest first', async () => {
    const admin = await t.fx.admin();
    const pending = await t.fx.pendingMember();
    await t.http().post(`/api/members/${pending.id}/approve`).set('Authorization', admin.auth).expect(200);
    await t
      .http()
      .patch(`/api/members/${pending.id}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'observer' })
      .expect(200);
    await t.http().post(`/api/members/${pending.id}/suspend`).set('Authorization', admin.auth).expect(200);

    const rows = await sql(
      t.databaseUrl,
      'SELECT action, actor_id, details FROM audit_entries WHERE target_id = $1 ORDER BY created_at',
      [pending.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['member.approved', 'member.role_changed', 'member.suspended']);
    expect(rows.every((r) => r.actor_id === admin.id)).toBe(true);
    expect(rows[1]!.details).toEqual({ from: 'member', to: 'observer' });

    const audit = await t
      .http()
      .get('/api/audit')
      .query({ targetId: pending.id })
      .set('Authorization', admin.auth)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'member.suspended',
      'member.role_changed',
      'member.approved',
    ]);
    const invitations = await t
      .http()
      .get('/api/audit')
      .query({ action: 'invitation.created', limit: 1 })
      .set('Authorization', admin.auth)
      .expect(200);
    expect(invitations.body.items).toHaveLength(1);
    expect(invitations.body.nextCursor).toEqual(expect.any(String));
    const next = await t
      .http()
      .get('/api/audit')
      .query({ action: 'invitation.created', limit: 1, cursor: invitations.body.nextCursor })
      .set('Authorization', admin.auth)
      .expect(200);
    expect(next.body.items[0].id).not.toBe(invitations.body.items[0].id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('auth: join flow, tokens, sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('register → pending cannot log in → approve → login → refresh rotation → reuse revokes the family → logout', async () => {
    const email = t.fx.email('join');
    const password = 'Ulaanbaatar-2030 plan';
    const registered = await t
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password,
        displayName: 'Батбаяр Дорж',
        memberType: 'city_government',
        country: 'MN',
        organization: 'Ulaanbaatar City Government',
        city: 'Ulaanbaatar',
        language: 'mn',
        timeZone: 'Asia/Ulaanbaatar',
      })
      .expect(201);
    expect(registered.body).toMatchObject({ email, status: 'pending', role: 'member', country: 'MN' });
    expect(registered.body).not.toHaveProperty('passwordHash');

    const pending = await t.http().post('/api/auth/login').send({ email, password }).expect(403);
    expect(pending.body.code).toBe('ACCOUNT_PENDING');

    const admin = await t.fx.admin();
    const approved = await t
      .http()
      .post(`/api/members/${registered.body.id}/approve`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(approved.body.status).toBe('active');

    const login = await t.http().post('/api/auth/login').send({ email: email.toUpperCase(), password }).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, member: { id: registered.body.id } });
    expect(login.headers['set-cookie']?.[0]).toMatch(/lcc_refresh=.+; .*HttpOnly; .*SameSite=Strict/);
    const first = login.body.refreshToken as string;

    await t.http().get('/api/members/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);

    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(200);
    const second = rotated.body.refreshToken as string;
    expect(second).not.toBe(first);
    expect(rotated.body.accessToken).toEqual(expect.any(String));

    // The spent token comes back: the whole family (session) ends, including the newest token.
    const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterReuse = await t.http().post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
    expect(afterReuse.body.code).toBe('SESSION_REVOKED');
    await t.http().get('/api/members/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(401);

    // A new sign-in, then logout ends that session and its access token.
    const again = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
    const bearer = `Bearer ${again.body.accessToken}`;
    await t.http().post('/api/auth/logout').send({ refreshToken: again.body.refreshToken }).expect(204);
    await t.http().get('/api/members/me').set('Authorization', bearer).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: again.body.refreshToken }).expect(401);
  });

  it('refreshes from the httpOnly cookie when the body has no token', async () => {
    const member = await t.fx.member();
    const login = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', cookie).send({}).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    await t.http().post('/api/auth/refresh').send({}).expect(401);
  });

  it('rejects wrong passwords and unknown accounts alike', async () => {
    const member = await t.fx.member();
    const wrong = await t.http().post('/api/auth/login').send({ email: member.email, password: 'not-the-password1' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'whatever-123' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    const bad = await t.http().post('/api/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['email', 'password']));
  });

  it('lists my sessions and revokes one; its access token stops working at once', async () => {
    const member = await t.fx.member();
    const other = await t.fx.login(member.email, member.password);
    const list = await t.http().get('/api/auth/sessions').set('Authorization', member.auth).expect(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const otherSession = list.body.find((s: { current: boolean }) => !s.current);
    await t.http().delete(`/api/auth/sessions/${otherSession.id}`).set('Authorization', member.auth).expect(204);
    await t.http().get('/api/members/me').set('Authorization', other.auth).expect(401);
    await t.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
    // Someone else's session is not visible: 404.
    const stranger = await t.fx.member();
    const strangerSessions = await t.http().get('/api/auth/sessions').set('Authorization', stranger.auth);
    await t
      .http()
      .delete(`/api/auth/sessions/${strangerSessions.body[0].id}`)
      .set('Authorization', member.auth)
      .expect(404);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const member = await t.fx.member();
    const other = await t.fx.login(member.email, member.password);
    const weak = await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', member.auth)
      .send({ currentPassword: member.password, newPassword: 'short' })
      .expect(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', member.auth)
      .send({ currentPassword: 'wrong-password-1', newPassword: 'a-new-Password-42' })
      .expect(403);
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', member.auth)
      .send({ currentPassword: member.password, newPassword: 'a-new-Password-42' })
      .expect(204);
    await t.http().get('/api/members/me').set('Authorization', other.auth).expect(401);
    await t.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
    await t.http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(401);
    await t.http().post('/api/auth/login').send({ email: member.email, password: 'a-new-Password-42' }).expect(200);
  });

  it('answers 401 with TOKEN_EXPIRED for an expired token and UNAUTHORIZED for a forged one', async () => {
    const member = await t.fx.member();
    const claims = jwt.decode(member.accessToken) as { sub: string; sid: string };
    const rows = await sql<{ value: string }>(t.databaseUrl, `SELECT value FROM settings WHERE key = 'jwt_secret'`);
    const secret = rows[0]!.value;
    const expired = jwt.sign({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 }, secret);
    const forged = jwt.sign({ sub: claims.sub, sid: claims.sid }, 'another-secret-of-at-least-32-characters!!');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const e = await t.http().get('/api/members/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(e.body.code).toBe('TOKEN_EXPIRED');
    for (const token of [forged, none, 'garbage']) {
      const r = await t.http().get('/api/members/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(r.body.code).toBe('UNAUTHORIZED');
    }
  });
});

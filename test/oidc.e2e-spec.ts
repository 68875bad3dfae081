import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { sql } from './support/db.js';
import { freePort, startOidcProvider, type TestAccountClaims, type TestOidcProvider } from './support/oidc-provider.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Cookies per host (the test provider and the portal are different hosts), sent back as a browser would. */
class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const cookies = this.hosts.get(host) ?? new Map<string, string>();
    this.hosts.set(host, cookies);
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  get(host: string, name: string): string | undefined {
    return this.hosts.get(host)?.get(name);
  }
}

interface Outcome {
  /** Where the portal's callback sent the browser. */
  location: URL;
  jar: CookieJar;
}

describe('single sign-on with OpenID Connect (a real provider, over HTTP)', () => {
  let t: TestApp;
  let refusing: TestApp;
  let provider: TestOidcProvider;
  const allowedDomain = 'oidc-allowed.test';

  beforeAll(async () => {
    const [port, refusingPort] = [await freePort(), await freePort()];
    provider = await startOidcProvider([
      `http://127.0.0.1:${port}/api/auth/oidc/callback`,
      `http://127.0.0.1:${refusingPort}/api/auth/oidc/callback`,
    ]);
    const oidcEnv = {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_DOMAINS: `${allowedDomain}, example.net`,
      OIDC_DISPLAY_NAME: 'Test ID',
      OIDC_DEFAULT_COUNTRY: 'MN',
    };
    t = await createTestApp({ port, env: { ...oidcEnv, PUBLIC_URL: `http://127.0.0.1:${port}` } });
    // A second instance on the same database that turns other domains away.
    refusing = await createTestApp({
      port: refusingPort,
      databaseUrl: t.databaseUrl,
      env: { ...oidcEnv, PUBLIC_URL: `http://127.0.0.1:${refusingPort}`, OIDC_OTHER_DOMAINS: 'refuse' },
    });
  });
  afterAll(async () => {
    await refusing?.close();
    await t?.close();
    await provider?.close();
  });

  function account(overrides: Partial<TestAccountClaims> = {}): TestAccountClaims {
    const claims: TestAccountClaims = {
      sub: `sub-${randomBytes(6).toString('hex')}`,
      email: `sso.${randomBytes(4).toString('hex')}@example.org`,
      email_verified: true,
      name: 'Оюунчимэг Бат',
      locale: 'mn-MN',
      ...overrides,
    };
    provider.addAccount(claims);
    return claims;
  }

  /** start → provider → its sign-in form → back to the callback (which `tamper` may alter) → the portal's answer. */
  async function signIn(app: TestApp, sub: string, tamper?: (callback: URL) => void): Promise<Outcome> {
    const jar = new CookieJar();
    let response = await jar.fetch(`${app.url}/api/auth/oidc/start`);
    expect(response.status).toBe(302);
    const authorize = new URL(response.headers.get('location') ?? '');
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('nonce')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.url}/api/auth/oidc/callback`);
    expect(response.headers.getSetCookie().join()).toMatch(/lcc_oidc=.+HttpOnly; SameSite=Lax/i);

    let next = authorize.href;
    let init: RequestInit = {};
    for (let hop = 0; hop < 10; hop += 1) {
      if (next.startsWith(`${app.url}/api/auth/oidc/callback`)) break;
      response = await jar.fetch(next, init);
      init = {};
      if (response.status === 200) {
        // The provider's sign-in form.
        const html = await response.text();
        const action = /action="([^"]+)"/.exec(html)?.[1];
        expect(action).toBeDefined();
        next = new URL(action ?? '', provider.issuer).href;
        init = {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login: sub }).toString(),
        };
        continue;
      }
      expect([302, 303]).toContain(response.status);
      next = new URL(response.headers.get('location') ?? '', next).href;
    }
    const callback = new URL(next);
    expect(callback.searchParams.get('code')).toEqual(expect.any(String));
    tamper?.(callback);
    response = await jar.fetch(callback.href);
    expect(response.status).toBe(302);
    return { location: new URL(response.headers.get('location') ?? ''), jar };
  }

  /** The portal's session from the refresh cookie, as the web app restores it on load. */
  async function session(app: TestApp, outcome: Outcome) {
    const cookie = outcome.jar.get(new URL(app.url).host, 'lcc_refresh');
    expect(cookie).toEqual(expect.any(String));
    const refreshed = await app
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', `lcc_refresh=${cookie}`)
      .send({})
      .expect(200);
    return refreshed.body as { member: { id: string; email: string; status: string; language: string } };
  }

  async function identities(subject: string) {
    return sql<{ member_id: string; issuer: string; last_used_at: Date }>(
      t.databaseUrl,
      'SELECT member_id, issuer, last_used_at FROM member_identities WHERE subject = $1',
      [subject],
    );
  }

  async function audit(memberId: string) {
    return sql<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      t.databaseUrl,
      'SELECT action, actor_id, details FROM audit_entries WHERE target_id = $1 ORDER BY created_at',
      [memberId],
    );
  }

  it('tells the sign-in page that single sign-on is offered, and by whom', async () => {
    const status = await t.http().get('/api/auth/oidc').expect(200);
    expect(status.body).toEqual({ enabled: true, displayName: 'Test ID' });
  });

  it('links a first sign-in with a verified e-mail to the member with that e-mail, and signs them in', async () => {
    const member = await t.fx.member();
    const claims = account({ email: member.email.toUpperCase() });

    const first = await signIn(t, claims.sub);
    expect(first.location.href).toBe(`${t.url}/`);
    expect((await session(t, first)).member).toMatchObject({ id: member.id, email: member.email });
    const [link] = await identities(claims.sub);
    expect(link).toMatchObject({ member_id: member.id, issuer: provider.issuer });
    expect(await audit(member.id)).toContainEqual({
      action: 'member.sso_linked',
      actor_id: member.id,
      details: { issuer: provider.issuer },
    });

    // The next sign-in finds the link by subject, whatever the e-mail says now.
    claims.email = 'changed.address@example.org';
    const second = await signIn(t, claims.sub);
    expect((await session(t, second)).member.id).toBe(member.id);
    const [again] = await identities(claims.sub);
    expect(again.last_used_at.getTime()).toBeGreaterThan(link.last_used_at.getTime());
    expect(await identities(claims.sub)).toHaveLength(1);
  });

  it('creates a pending member for an unknown address of another domain, who signs in once approved', async () => {
    const claims = account({ name: '  Болд Гантулга  ', locale: 'ru' });
    const first = await signIn(t, claims.sub);
    expect(first.location.href).toBe(`${t.url}/sign-in?ssoError=ACCOUNT_PENDING`);
    expect(first.jar.get(new URL(t.url).host, 'lcc_refresh')).toBeUndefined();

    const [row] = await sql<{ id: string; status: string; display_name: string; language: string; country: string }>(
      t.databaseUrl,
      `SELECT id, status, display_name, language, country, member_type, email_verified_at IS NOT NULL AS verified
         FROM members WHERE email = $1`,
      [claims.email],
    );
    expect(row).toMatchObject({
      status: 'pending',
      display_name: 'Болд Гантулга',
      language: 'ru',
      country: 'MN',
      member_type: 'individual_expert',
      verified: true,
    });
    expect((await identities(claims.sub))[0]?.member_id).toBe(row.id);
    expect(await audit(row.id)).toContainEqual({
      action: 'member.sso_created',
      actor_id: row.id,
      details: { issuer: provider.issuer, status: 'pending' },
    });
    // No password anyone knows.
    const [{ password_hash: hash }] = await sql<{ password_hash: string }>(
      t.databaseUrl,
      'SELECT password_hash FROM members WHERE id = $1',
      [row.id],
    );
    expect(hash).toMatch(/^\$argon2id\$/);

    const admin = await t.fx.admin();
    await t.http().post(`/api/members/${row.id}/approve`).set('Authorization', admin.auth).expect(200);
    const approved = await signIn(t, claims.sub);
    expect(approved.location.href).toBe(`${t.url}/`);
    expect((await session(t, approved)).member.id).toBe(row.id);
  });

  it('creates an active member for an allowed domain, with name and language from the claims', async () => {
    const claims = account({
      email: `hanako.${randomBytes(3).toString('hex')}@${allowedDomain}`,
      name: '山田 花子',
      locale: 'ja-JP',
    });
    const outcome = await signIn(t, claims.sub);
    expect(outcome.location.href).toBe(`${t.url}/`);
    const { member } = await session(t, outcome);
    expect(member).toMatchObject({ email: claims.email, status: 'active', language: 'ja' });
    const me = await t
      .http()
      .get(`/api/members/${member.id}`)
      .set('Authorization', (await t.fx.admin()).auth);
    expect(me.body).toMatchObject({ displayName: '山田 花子', country: 'JP', memberType: 'individual_expert' });
  });

  it('refuses an e-mail the provider has not verified, creating nothing', async () => {
    const claims = account({
      email_verified: false,
      email: `unverified.${randomBytes(3).toString('hex')}@${allowedDomain}`,
    });
    const outcome = await signIn(t, claims.sub);
    expect(outcome.location.href).toBe(`${t.url}/sign-in?ssoError=SSO_EMAIL_UNVERIFIED`);
    expect(outcome.jar.get(new URL(t.url).host, 'lcc_refresh')).toBeUndefined();
    expect(await sql(t.databaseUrl, 'SELECT id FROM members WHERE email = $1', [claims.email])).toEqual([]);
    expect(await identities(claims.sub)).toEqual([]);
  });

  it('refuses a callback whose state is not the one it sent, or that comes without its flow cookie', async () => {
    const member = await t.fx.member();
    const claims = account({ email: member.email });
    const forged = await signIn(t, claims.sub, (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(forged.location.href).toBe(`${t.url}/sign-in?ssoError=SSO_FAILED`);
    expect(forged.jar.get(new URL(t.url).host, 'lcc_refresh')).toBeUndefined();

    // A code sent to someone else's browser (login CSRF): no flow cookie, no sign-in.
    let callbackUrl = '';
    await signIn(t, claims.sub, (callback) => {
      callbackUrl = callback.href;
      callback.searchParams.set('state', 'x');
    });
    const stranger = await fetch(callbackUrl, { redirect: 'manual' });
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get('location')).toBe(`${t.url}/sign-in?ssoError=SSO_FAILED`);
    expect(stranger.headers.getSetCookie().join()).not.toMatch(/lcc_refresh=[^;]/);
    expect(await identities(claims.sub)).toEqual([]);
  });

  it('refuses a pending member and a suspended one, as the password sign-in does', async () => {
    const pending = await t.fx.pendingMember();
    const pendingClaims = account({ email: pending.email });
    const first = await signIn(t, pendingClaims.sub);
    expect(first.location.href).toBe(`${t.url}/sign-in?ssoError=ACCOUNT_PENDING`);
    expect(first.jar.get(new URL(t.url).host, 'lcc_refresh')).toBeUndefined();

    const suspended = await t.fx.member();
    const admin = await t.fx.admin();
    await t.http().post(`/api/members/${suspended.id}/suspend`).set('Authorization', admin.auth).expect(200);
    const outcome = await signIn(t, account({ email: suspended.email }).sub);
    expect(outcome.location.href).toBe(`${t.url}/sign-in?ssoError=ACCOUNT_SUSPENDED`);
  });

  it('turns away other domains when configured to, but still links existing members and allowed domains', async () => {
    const stranger = account();
    const refused = await signIn(refusing, stranger.sub);
    expect(refused.location.href).toBe(`${refusing.url}/sign-in?ssoError=SSO_DOMAIN_NOT_ALLOWED`);
    expect(await sql(t.databaseUrl, 'SELECT id FROM members WHERE email = $1', [stranger.email])).toEqual([]);

    const member = await t.fx.member();
    const linked = await signIn(refusing, account({ email: member.email }).sub);
    expect(linked.location.href).toBe(`${refusing.url}/`);
    const allowed = await signIn(refusing, account({ email: `x.${randomBytes(3).toString('hex')}@example.net` }).sub);
    expect(allowed.location.href).toBe(`${refusing.url}/`);
  });

  it('answers 404 to a start when single sign-on is off, and says so to the sign-in page', async () => {
    const off = await createTestApp({ databaseUrl: t.databaseUrl });
    try {
      expect((await off.http().get('/api/auth/oidc').expect(200)).body).toEqual({ enabled: false, displayName: null });
      const start = await off.http().get('/api/auth/oidc/start').expect(404);
      expect(start.body.code).toBe('SSO_NOT_CONFIGURED');
    } finally {
      await off.stop();
    }
  });
});

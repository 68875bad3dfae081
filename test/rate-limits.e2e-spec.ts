import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('rate limits (lowered through RATE_LIMIT_*)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_AUTH_ACCOUNT: '3', RATE_LIMIT_AUTH_IP: '12', RATE_LIMIT_DEFAULT: '100000' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits sign-in attempts per account, with 429 in the contract shape and Retry-After', async () => {
    const email = 'target@example.org';
    for (let i = 0; i < 3; i += 1) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email, password: `guess-${i}-password` })
        .expect(401);
    }
    const limited = await t
      .http()
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: 'guess-4-password' })
      .expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is still allowed (until the per-IP limit).
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'other@example.org', password: 'guess-password-1' })
      .expect(401);
  });

  it('limits sign-in and registration per IP, and leaves other routes alone', async () => {
    // Registration of one e-mail over and over hits the per-account limit first.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await t.http().post('/api/auth/register').send({ email: 'same@example.org' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i += 1) {
      const response = await t
        .http()
        .post('/api/auth/register')
        .send({ email: `r${i}@example.org` });
      status = response.status;
    }
    expect(status).toBe(429);
    await t.http().get('/api/health/live').expect(200);
    await t.http().get('/api/members').expect(401);
  });
});

describe('rate limits: the general per-IP limit', () => {
  it('answers 429 past RATE_LIMIT_DEFAULT requests in the window', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_DEFAULT: '5' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await t.http().get('/api/members')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Probes are exempt.
      await t.http().get('/api/health/live').expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits: failed sign-ins per account and client, under an account-wide ceiling', () => {
  let t: TestApp;
  const STRANGER = '203.0.113.9';
  const login = (email: string, password: string, ip: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_AUTH_ACCOUNT_CLIENT: '3',
        RATE_LIMIT_AUTH_ACCOUNT: '5',
        RATE_LIMIT_AUTH_IP: '1000',
        RATE_LIMIT_DEFAULT: '100000',
        TRUST_PROXY_HOPS: '1',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops a stranger guessing from one address, while the member signs in from theirs', async () => {
    const member = await t.fx.member();
    for (let i = 0; i < 3; i += 1) await login(member.email, `wrong-guess-${i}-x`, STRANGER).expect(401);
    const limited = await login(member.email, 'wrong-guess-3-x', STRANGER).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The stranger's refused attempts are not failures: the ceiling has 3 of 5, and the member is let in.
    for (let i = 0; i < 2; i += 1) await login(member.email, 'wrong-guess-again-x', STRANGER).expect(429);
    const signedIn = await login(member.email, member.password, '198.51.100.7').expect(200);
    expect(signedIn.body.member.id).toBe(member.id);
  });

  it('counts failed sign-ins only: correct passwords from one address never use up its limit', async () => {
    const member = await t.fx.member();
    const ip = '198.51.100.20';
    for (let i = 0; i < 6; i += 1) await login(member.email, member.password, ip).expect(200);
    await login(member.email, 'wrong-guess-x-1', ip).expect(401);
    await login(member.email, 'wrong-guess-x-2', ip).expect(401);
    await login(member.email, member.password, ip).expect(200);
    await login(member.email, 'wrong-guess-x-3', ip).expect(401);
    await login(member.email, member.password, ip).expect(429);
  });

  it('holds guesses spread over many addresses at the account-wide ceiling', async () => {
    const member = await t.fx.member();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await login(member.email, `spread-guess-${i}-x`, `192.0.2.${10 + i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const ceiling = await login(member.email, member.password, '192.0.2.99').expect(429);
    expect(Number(ceiling.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await t.fx.member();
    await login(other.email, other.password, '192.0.2.10').expect(200);
  });
});

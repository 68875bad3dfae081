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

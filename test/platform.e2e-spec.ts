import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'metrics-scraper-token-0001';

describe('platform: health, error shape, request ids, OpenAPI, metrics, security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness without and readiness with the database', async () => {
    const live = await t.http().get('/api/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/api/health').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('gives every response an X-Request-Id, echoes a well-formed incoming one into the error body', async () => {
    const plain = await t.http().get('/api/health/live');
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await t.http().get('/api/members').set('X-Request-Id', 'proxy-trace-0001').expect(401);
    expect(traced.headers['x-request-id']).toBe('proxy-trace-0001');
    expect(traced.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: expect.any(String),
      requestId: 'proxy-trace-0001',
    });
    const forged = await t.http().get('/api/health/live').set('X-Request-Id', 'bad id with spaces');
    expect(forged.headers['x-request-id']).not.toContain(' ');
  });

  it('answers unknown routes, malformed JSON and oversize bodies in the contract shape, never 500', async () => {
    const missing = await t.http().get('/api/no-such-route').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: expect.any(String) });
    const malformed = await t
      .http()
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const huge = await t
      .http()
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ bio: 'x'.repeat(200_000) }))
      .expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const wrongType = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ['a@b.c'], password: { $ne: 1 } })
      .expect(400);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
  });

  it('publishes OpenAPI with every route and named enums, and serves the docs UI without third-party hosts', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/auth/register',
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/logout',
      '/api/auth/password',
      '/api/auth/sessions',
      '/api/auth/sessions/{id}',
      '/api/members/me',
      '/api/members',
      '/api/members/{id}',
      '/api/members/{id}/approve',
      '/api/members/{id}/suspend',
      '/api/members/{id}/role',
      '/api/audit',
      '/api/invitations',
      '/api/health',
      '/api/health/live',
    ]) {
      expect(paths).toContain(path);
    }
    const schemas = doc.body.components.schemas;
    expect(schemas.MemberType.enum).toContain('international_organization');
    expect(schemas.NetworkRole.enum).toEqual(['admin', 'coordinator', 'member', 'observer']);
    expect(schemas.Language.enum).toEqual(['en', 'zh', 'ja', 'ko', 'ru', 'mn']);
    expect(schemas.Country.enum.slice(0, 6)).toEqual(['CN', 'KP', 'JP', 'MN', 'KR', 'RU']);
    expect(
      schemas.RegisterDto.properties.memberType.$ref ?? schemas.RegisterDto.properties.memberType.allOf?.[0]?.$ref,
    ).toBe('#/components/schemas/MemberType');
    expect(doc.body.paths['/api/members/{id}'].get.responses.default.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorResponseDto',
    );
    expect(doc.body.paths['/api/audit'].get.responses['200'].content).toBeDefined();
    const ui = await t.http().get('/api/docs').redirects(1).expect(200);
    const externalHosts = [...ui.text.matchAll(/(?:src|href)=["'](https?:)?\/\/([^"'/]+)/g)].map((m) => m[2]);
    expect(externalHosts).toEqual([]);
  });

  it('answers 401 without a token on every route the OpenAPI document marks as authenticated', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const sample = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security?.length || operation.security.some((r) => Object.keys(r as object).length === 0))
          continue;
        const url = path.replace(/\{[^}]+\}/g, sample);
        const response = await (
          t.http() as unknown as Record<string, (u: string) => Promise<{ status: number; body: { code: string } }>>
        )[method]!(url);
        expect({ method, path, status: response.status, code: response.body.code }).toEqual({
          method,
          path,
          status: 401,
          code: 'UNAUTHORIZED',
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('exposes Prometheus metrics: HTTP latency by route pattern, the database pool, the process', async () => {
    await t.http().get('/api/health/live');
    await t.http().get('/api/members/00000000-0000-4000-8000-000000000000');
    const metrics = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live",status="200"\} \d+/,
    );
    expect(metrics.text).toContain('route="/api/members/:id"');
    expect(metrics.text).toMatch(/db_pool_connections_total \d+/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers /metrics only with the configured bearer token (401 in the contract shape otherwise)', async () => {
    for (const header of [undefined, 'Bearer wrong-token-of-some-length', `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const request = t.http().get('/metrics');
      if (header) request.set('Authorization', header);
      const refused = await request;
      expect([header, refused.status, refused.body.code]).toEqual([header, 401, 'UNAUTHORIZED']);
      expect(refused.text).not.toContain('process_cpu_user_seconds_total');
    }
  });

  it('sends security headers (helmet) and refuses CORS for origins not configured', async () => {
    const response = await t.http().get('/api/health/live').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('platform: CORS allowlist', () => {
  it('allows exactly the configured browser origins', async () => {
    const t = await createTestApp({ env: { CORS_ORIGINS: 'https://portal.example, https://admin.example' } });
    try {
      const allowed = await t
        .http()
        .options('/api/members')
        .set('Origin', 'https://admin.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example');
      const refused = await t
        .http()
        .options('/api/members')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

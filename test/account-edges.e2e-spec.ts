import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestMember } from '@lcc/testing';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Asks again (a download is recorded just after its last byte leaves, so a reader may be a moment early). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the edges: downloads, caching, metrics, CSP, invitations, OpenAPI', () => {
  let t: TestApp;
  let uploader: TestMember;
  let reader: TestMember;

  const upload = (fields: Record<string, string>, name: string, data: Buffer) => {
    const req = t.http().post('/api/documents').set('Authorization', uploader.auth);
    for (const [key, value] of Object.entries(fields)) req.field(key, value);
    return req.attach('file', data, { filename: name, contentType: 'application/octet-stream' });
  };
  const downloadCount = async (id: string): Promise<number> =>
    (await t.http().get(`/api/documents/${id}`).set('Authorization', uploader.auth)).body.downloadCount as number;

  beforeAll(async () => {
    t = await createTestApp();
    uploader = await t.fx.member({ role: 'coordinator' });
    reader = await t.fx.member();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts one download per complete transfer: not HEAD, not a one-byte range, not an aborted transfer', async () => {
    const data = Buffer.alloc(8 * 1024 * 1024, 'a');
    const created = await upload({ title: 'Large dataset', kind: 'dataset' }, 'large.txt', data).expect(201);
    const id = created.body.id as string;
    const url = `/api/documents/${id}/download`;

    const head = await t.http().head(url).set('Authorization', reader.auth).expect(200);
    expect(head.headers['content-length']).toBe(String(data.length));
    const probe = await t.http().get(url).set('Authorization', reader.auth).set('Range', 'bytes=0-0').expect(206);
    expect(probe.headers['content-range']).toBe(`bytes 0-0/${data.length}`);

    // A client that goes away after the first chunk of 8 MB.
    const { port } = new URL(t.url);
    await new Promise<void>((resolve, reject) => {
      const request = httpGet({ host: '127.0.0.1', port, path: url, headers: { authorization: reader.auth } });
      request.on('response', (response) => {
        expect(response.statusCode).toBe(200);
        response.once('data', () => request.destroy());
      });
      request.on('close', resolve);
      request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
    });

    const full = await t
      .http()
      .get(url)
      .set('Authorization', reader.auth)
      .buffer(true)
      .parse((res, done) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => done(null, size));
      })
      .expect(200);
    expect(full.body).toBe(data.length);

    await eventually(async () => (await downloadCount(id)) >= 1);
    expect(await downloadCount(id)).toBe(1);
    const log = await t.http().get(`/api/documents/${id}/downloads`).set('Authorization', uploader.auth).expect(200);
    expect(log.body.items.map((item: { member: { id: string } }) => item.member.id)).toEqual([reader.id]);
  });

  it('keeps member-only files out of caches (no-store); public ones only revalidate', async () => {
    const network = await upload({ title: 'Members only', kind: 'report' }, 'm.txt', Buffer.from('m\n')).expect(201);
    const open = await upload({ title: 'Open', kind: 'report', visibility: 'public' }, 'p.txt', Buffer.from('p\n'));
    expect(open.status).toBe(201);
    const memberOnly = await t
      .http()
      .get(`/api/documents/${network.body.id}/download`)
      .set('Authorization', reader.auth)
      .expect(200);
    expect(memberOnly.headers['cache-control']).toBe('no-store');
    const notModified = await t
      .http()
      .get(`/api/documents/${network.body.id}/download`)
      .set('Authorization', reader.auth)
      .set('If-None-Match', memberOnly.headers.etag!)
      .expect(304);
    expect(notModified.headers['cache-control']).toBe('no-store');
    const anonymous = await t.http().get(`/api/documents/${open.body.id}/download`).expect(200);
    expect(anonymous.headers['cache-control']).toBe('private, no-cache');
  });

  it('sends calendars and a signed-in reader’s CSV export with no-store', async () => {
    const group = await t.fx.group(uploader, { name: 'Edges group', thematicArea: 'low_carbon_cities' });
    const meeting = await t.fx.meeting(uploader, group.id, {
      title: 'Edges meeting',
      startsAt: '2031-03-10T07:00:00Z',
      endsAt: '2031-03-10T08:00:00Z',
      timeZone: 'Asia/Tokyo',
      agenda: [],
    });
    const ics = await t.http().get(`/api/meetings/${meeting.id}/ics`).set('Authorization', uploader.auth).expect(200);
    expect(ics.headers['cache-control']).toBe('no-store');
    const feed = await t.http().get('/api/calendar/feed').set('Authorization', uploader.auth).expect(200);
    const feedIcs = await t
      .http()
      .get(new URL(feed.body.url as string).pathname)
      .expect(200);
    expect(feedIcs.headers['cache-control']).toBe('no-store');

    const signedIn = await t.http().get('/api/indicator-values/export').set('Authorization', reader.auth).expect(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const anonymous = await t.http().get('/api/indicator-values/export').expect(200);
    expect(anonymous.headers['cache-control']).not.toBe('no-store');
  });

  it('hides /metrics (404) while no METRICS_TOKEN is configured', async () => {
    const hidden = await t.http().get('/metrics').expect(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: expect.any(String) });
    await t.http().get('/metrics').set('Authorization', 'Bearer anything-at-all-0000').expect(404);
  });

  it('loads styles and fonts from the portal only (no https: wildcard in the CSP)', async () => {
    const response = await t.http().get('/api/health/live').expect(200);
    const directives = new Map(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values] as const),
    );
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    for (const [name, values] of directives) {
      expect([name, values.filter((value) => value === 'https:' || value.startsWith('http'))]).toEqual([name, []]);
    }
  });

  it('refuses an invitation naming a working group that does not exist (404 WORKING_GROUP_NOT_FOUND)', async () => {
    const admin = await t.fx.admin();
    const email = t.fx.email('invitee');
    const refused = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email, workingGroupId: UNKNOWN_ID })
      .expect(404);
    expect(refused.body).toMatchObject({ statusCode: 404, code: 'WORKING_GROUP_NOT_FOUND' });
    const group = await t.fx.group(admin, { name: 'Invitation target', thematicArea: 'eco_labelling' });
    const accepted = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email, workingGroupId: group.id })
      .expect(201);
    expect(accepted.body.workingGroupId).toBe(group.id);
  });

  it('marks exactly the operations that need no token with security: [] (bearer is the default)', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      security?: Record<string, string[]>[];
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const seen = { public: 0, bearer: 0 };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Every operation states its requirement: none, or the bearer token.
        expect([[], [{ bearer: [] }]]).toContainEqual(operation.security);
        if (method !== 'get') continue;
        const url = path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
        const response = await t.http().get(url);
        const publicInReality = response.status !== 401;
        expect({ path, status: response.status, security: operation.security }).toEqual({
          path,
          status: response.status,
          security: publicInReality ? [] : [{ bearer: [] }],
        });
        seen[publicInReality ? 'public' : 'bearer'] += 1;
      }
    }
    expect(seen.public).toBeGreaterThan(10);
    expect(seen.bearer).toBeGreaterThan(20);
  });
});

describe('accounts: passwords that are easy to guess are refused', () => {
  let t: TestApp;
  const profile = { memberType: 'city_government', country: 'MN', timeZone: 'Asia/Ulaanbaatar' };
  const weakDetail = (field: string) => ({ field, message: expect.any(String), code: 'PASSWORD_TOO_WEAK' });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses common and guessable passwords at registration (400 with a PASSWORD_TOO_WEAK detail)', async () => {
    for (const password of ['password1234', `${' '.repeat(12)}a`, 'qwertyuiop123', 'passw0rd12345']) {
      const email = t.fx.email('weak');
      const refused = await t
        .http()
        .post('/api/auth/register')
        .send({ ...profile, email, password, displayName: 'Weak Password' });
      expect([password, refused.status]).toEqual([password, 400]);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(refused.body.details).toEqual([weakDetail('password')]);
    }
    const accepted = await t
      .http()
      .post('/api/auth/register')
      .send({ ...profile, email: t.fx.email('strong'), password: 'Kitakyushu eco-model 2027', displayName: 'Strong' })
      .expect(201);
    expect(accepted.body.status).toBe('pending');
  });

  it('counts the member’s own e-mail and name as words a guesser tries first', async () => {
    const email = t.fx.email('oyunchimeg.batbayar');
    const register = (password: string) =>
      t
        .http()
        .post('/api/auth/register')
        .send({ ...profile, email, password, displayName: 'Oyunchimeg Batbayar' });
    // Strong for anyone else; not for the member whose name it is.
    expect((await register('Oyunchimeg Batbayar 1')).body.details).toEqual([weakDetail('password')]);
    expect((await register(email)).body.details).toEqual([weakDetail('password')]);
    await register('Steppe wind over Tuul river').expect(201);
  });

  it('refuses a weak password on an invitation and leaves the invitation usable', async () => {
    const admin = await t.fx.admin();
    const email = t.fx.email('invited');
    const invitation = await t.http().post('/api/invitations').set('Authorization', admin.auth).send({ email });
    expect(invitation.status).toBe(201);
    const register = (password: string) =>
      t
        .http()
        .post('/api/auth/register')
        .send({ ...profile, email, password, displayName: 'Invited', invitationToken: invitation.body.token });
    const refused = await register('password1234').expect(400);
    expect(refused.body.details).toEqual([weakDetail('password')]);
    const accepted = await register('Invited to the eco-label group').expect(201);
    expect(accepted.body.status).toBe('active');
  });

  it('refuses a weak new password (newPassword detail) and keeps the old one', async () => {
    const member = await t.fx.member();
    const change = (newPassword: string) =>
      t
        .http()
        .post('/api/auth/password')
        .set('Authorization', member.auth)
        .send({ currentPassword: member.password, newPassword });
    const refused = await change('password1234').expect(400);
    expect(refused.body.details).toEqual([weakDetail('newPassword')]);
    // The current password with a suffix is a guess too.
    expect((await change(`${member.password}1`)).body.details).toEqual([weakDetail('newPassword')]);
    await t.http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(200);
    await change('Grassland carbon ledger 2028').expect(204);
  });

  it('publishes the optional detail code in the OpenAPI error shape', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.components.schemas.ErrorDetailDto.properties.code).toMatchObject({ type: 'string' });
    expect(doc.body.components.schemas.ErrorDetailDto.required).toEqual(['field', 'message']);
  });
});

describe('accounts: ADMIN_PASSWORD is the operator’s choice', () => {
  it('starts with a weak ADMIN_PASSWORD (only passwords chosen through the API are checked)', async () => {
    const t = await createTestApp({ env: { ADMIN_PASSWORD: 'password1234' } });
    try {
      await t.http().post('/api/auth/login').send({ email: 'admin@test.lcc', password: 'password1234' }).expect(200);
    } finally {
      await t.close();
    }
  });
});

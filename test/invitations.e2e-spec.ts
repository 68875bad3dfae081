import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('invitations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const invite = async (body: Record<string, unknown>) => {
    const admin = await t.fx.admin();
    return t.http().post('/api/invitations').set('Authorization', admin.auth).send(body);
  };
  const registerWith = (email: string, invitationToken: string) =>
    t.http().post('/api/auth/register').send({
      email,
      password: 'Invited-member-2027',
      displayName: 'Invited Member',
      memberType: 'research_academic',
      country: 'KR',
      invitationToken,
    });

  it('creates an invitation whose token is shown once and stored hashed; registering with it is active at once', async () => {
    const email = t.fx.email('invitee');
    // The group must exist (an unknown one is 404 WORKING_GROUP_NOT_FOUND: test/account-edges.e2e-spec.ts).
    const { id: groupId } = await t.fx.group(await t.fx.admin(), {
      name: 'Invitation group',
      thematicArea: 'low_carbon_cities',
    });
    const created = await invite({ email, role: 'coordinator', workingGroupId: groupId }).then((r) => r);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'coordinator', workingGroupId: groupId });
    expect(created.body.url).toBe(`http://portal.test/register?invitation=${created.body.token}`);
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const stored = await sql(t.databaseUrl, 'SELECT token_hash FROM invitations WHERE id = $1', [created.body.id]);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.body.token);

    const registered = await registerWith(email.toUpperCase(), created.body.token).expect(201);
    expect(registered.body).toMatchObject({ status: 'active', role: 'coordinator' });
    const link = await sql(t.databaseUrl, 'SELECT accepted_member_id, accepted_at FROM invitations WHERE id = $1', [
      created.body.id,
    ]);
    expect(link[0]!.accepted_member_id).toBe(registered.body.id);
    await t.fx.login(email, 'Invited-member-2027');
  });

  it('refuses a reused invitation (409) and leaves no second member behind', async () => {
    const email = t.fx.email('once');
    const { body } = await invite({ email });
    await registerWith(email, body.token).expect(201);
    const again = await registerWith(t.fx.email('twice'), body.token).expect(409);
    expect(again.body.code).toBe('INVITATION_ALREADY_USED');
  });

  it('refuses an expired invitation (400) and creates nothing', async () => {
    const email = t.fx.email('late');
    const { body } = await invite({ email });
    await sql(t.databaseUrl, `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      body.id,
    ]);
    const late = await registerWith(email, body.token).expect(400);
    expect(late.body.code).toBe('INVITATION_EXPIRED');
    const members = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM members WHERE email = $1', [email]);
    expect(members[0]!.n).toBe(0);
  });

  it('refuses an invitation used with another e-mail (403) and keeps it usable by its invitee', async () => {
    const email = t.fx.email('right');
    const { body } = await invite({ email });
    const wrong = await registerWith(t.fx.email('wrong'), body.token).expect(403);
    expect(wrong.body.code).toBe('INVITATION_EMAIL_MISMATCH');
    const unused = await sql(t.databaseUrl, 'SELECT accepted_at FROM invitations WHERE id = $1', [body.id]);
    expect(unused[0]!.accepted_at).toBeNull();
    await registerWith(email, body.token).expect(201);
  });

  it('refuses an unknown token (400), an existing member (409) and bad bodies (400 with details)', async () => {
    const unknown = await registerWith(t.fx.email(), 'x'.repeat(43)).expect(400);
    expect(unknown.body.code).toBe('INVITATION_INVALID');
    const member = await t.fx.member();
    const existing = await invite({ email: member.email.toUpperCase() });
    expect(existing.status).toBe(409);
    expect(existing.body.code).toBe('INVITEE_ALREADY_MEMBER');
    const bad = await invite({ email: 'nope', role: 'king', workingGroupId: 'not-a-uuid', extra: 1 });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['email', 'role', 'workingGroupId', 'extra']),
    );
  });
});

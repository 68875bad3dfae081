import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('working groups: creation, joining, roles, visibility', () => {
  let t: TestApp;
  let coordinator: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.fx.member({ role: 'coordinator' });
  });
  afterAll(async () => {
    await t.close();
  });

  const createGroup = async (body: Record<string, unknown>, by: TestMember = coordinator) =>
    t.http().post('/api/working-groups').set('Authorization', by.auth).send(body);

  it('answers 401 without a token on every route', async () => {
    const id = UNKNOWN_ID;
    const calls = [
      t.http().get('/api/working-groups'),
      t.http().post('/api/working-groups'),
      t.http().get(`/api/working-groups/${id}`),
      t.http().patch(`/api/working-groups/${id}`),
      t.http().post(`/api/working-groups/${id}/join`),
      t.http().post(`/api/working-groups/${id}/leave`),
      t.http().get(`/api/working-groups/${id}/members`),
      t.http().post(`/api/working-groups/${id}/members`),
      t.http().post(`/api/working-groups/${id}/members/${id}/approve`),
      t.http().patch(`/api/working-groups/${id}/members/${id}`),
      t.http().delete(`/api/working-groups/${id}/members/${id}`),
    ];
    for (const call of calls) expect((await call).status).toBe(401);
  });

  it('coordinators create groups (creator leads); members may not; bad bodies get field details; slugs are unique', async () => {
    const created = await createGroup({
      name: 'Expert Group on Low-Carbon Cities',
      description: 'Strategies, inventories and indicators of member cities',
      thematicArea: 'low_carbon_cities',
    }).then((r) => r);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'expert-group-on-low-carbon-cities',
      visibility: 'public',
      memberCount: 1,
      myMembership: { role: 'lead', status: 'active' },
      roomId: expect.any(String),
    });
    const stored = await sql(
      t.databaseUrl,
      'SELECT member_id, role, status FROM working_group_members WHERE working_group_id = $1',
      [created.body.id],
    );
    expect(stored).toEqual([{ member_id: coordinator.id, role: 'lead', status: 'active' }]);

    const member = await t.fx.member();
    await createGroup({ name: 'Mine', thematicArea: 'other' }, member).then((r) => expect(r.status).toBe(403));
    const dup = await createGroup({
      name: 'Another',
      slug: 'expert-group-on-low-carbon-cities',
      thematicArea: 'other',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SLUG_TAKEN');
    const bad = await createGroup({
      name: 'x',
      slug: 'Bad Slug',
      thematicArea: 'climate',
      visibility: 'secret',
      owner: 1,
    });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['name', 'slug', 'thematicArea', 'visibility', 'owner']),
    );
    const cjk = await createGroup({ name: '生态标签专家组', thematicArea: 'eco_labelling' });
    expect(cjk.body.slug).toMatch(/^group-[0-9a-f]{8}$/);
  });

  it('public groups are joined at once; leaving works; the last lead cannot leave', async () => {
    const group = (await createGroup({ name: 'Eco-Tax Reform', thematicArea: 'eco_tax_reform' })).body;
    const member = await t.fx.member();
    const joined = await t
      .http()
      .post(`/api/working-groups/${group.id}/join`)
      .set('Authorization', member.auth)
      .expect(200);
    expect(joined.body).toEqual({ status: 'active', role: 'member' });
    const again = await t
      .http()
      .post(`/api/working-groups/${group.id}/join`)
      .set('Authorization', member.auth)
      .expect(409);
    expect(again.body.code).toBe('ALREADY_A_MEMBER');
    const observer = await t.fx.member({ role: 'observer' });
    const asObserver = await t
      .http()
      .post(`/api/working-groups/${group.id}/join`)
      .set('Authorization', observer.auth)
      .expect(200);
    expect(asObserver.body.role).toBe('observer');

    const listed = await t.http().get(`/api/working-groups/${group.id}`).set('Authorization', member.auth).expect(200);
    expect(listed.body).toMatchObject({ memberCount: 3, myMembership: { role: 'member', status: 'active' } });

    await t.http().post(`/api/working-groups/${group.id}/leave`).set('Authorization', member.auth).expect(204);
    await t.http().post(`/api/working-groups/${group.id}/leave`).set('Authorization', member.auth).expect(403);
    const last = await t
      .http()
      .post(`/api/working-groups/${group.id}/leave`)
      .set('Authorization', coordinator.auth)
      .expect(409);
    expect(last.body.code).toBe('LAST_LEAD');
  });

  it('private groups: listed to all, joined by request (202), approved by a lead; insides are 404 to outsiders', async () => {
    const lead = await t.fx.member();
    const group = (
      await createGroup({ name: 'Urban Governance (closed)', thematicArea: 'urban_governance', visibility: 'private' })
    ).body;
    await t
      .http()
      .post(`/api/working-groups/${group.id}/members`)
      .set('Authorization', coordinator.auth)
      .send({ memberId: lead.id, role: 'lead' })
      .expect(201);

    const outsider = await t.fx.member();
    const listing = await t
      .http()
      .get('/api/working-groups')
      .query({ thematicArea: 'urban_governance' })
      .set('Authorization', outsider.auth)
      .expect(200);
    expect(listing.body.items.map((g: { id: string }) => g.id)).toContain(group.id);
    const seen = await t.http().get(`/api/working-groups/${group.id}`).set('Authorization', outsider.auth).expect(200);
    expect(seen.body).toMatchObject({ name: 'Urban Governance (closed)', memberCount: 2, myMembership: null });
    await t.http().get(`/api/working-groups/${group.id}/members`).set('Authorization', outsider.auth).expect(404);

    const requested = await t
      .http()
      .post(`/api/working-groups/${group.id}/join`)
      .set('Authorization', outsider.auth)
      .expect(202);
    expect(requested.body).toEqual({ status: 'pending', role: 'member' });
    await t.http().get(`/api/working-groups/${group.id}/members`).set('Authorization', outsider.auth).expect(404);

    const member = await t.fx.member();
    await t
      .http()
      .post(`/api/working-groups/${group.id}/members`)
      .set('Authorization', lead.auth)
      .send({ memberId: member.id })
      .expect(201);
    const forbidden = await t
      .http()
      .get(`/api/working-groups/${group.id}/members`)
      .query({ status: 'pending' })
      .set('Authorization', member.auth)
      .expect(403);
    expect(forbidden.body.code).toBe('NOT_A_GROUP_LEAD');
    await t
      .http()
      .post(`/api/working-groups/${group.id}/members/${outsider.id}/approve`)
      .set('Authorization', member.auth)
      .expect(403);

    const pending = await t
      .http()
      .get(`/api/working-groups/${group.id}/members`)
      .query({ status: 'pending' })
      .set('Authorization', lead.auth)
      .expect(200);
    expect(pending.body.items.map((m: { memberId: string }) => m.memberId)).toEqual([outsider.id]);
    const approved = await t
      .http()
      .post(`/api/working-groups/${group.id}/members/${outsider.id}/approve`)
      .set('Authorization', lead.auth)
      .expect(200);
    expect(approved.body).toMatchObject({ memberId: outsider.id, status: 'active', role: 'member' });
    await t
      .http()
      .post(`/api/working-groups/${group.id}/members/${outsider.id}/approve`)
      .set('Authorization', lead.auth)
      .expect(409);
    const members = await t
      .http()
      .get(`/api/working-groups/${group.id}/members`)
      .set('Authorization', outsider.auth)
      .expect(200);
    expect(members.body.items).toHaveLength(4);

    const mine = await t
      .http()
      .get('/api/working-groups')
      .query({ mine: true })
      .set('Authorization', outsider.auth)
      .expect(200);
    expect(mine.body.items.map((g: { id: string }) => g.id)).toEqual([group.id]);
  });

  it('leads change roles and remove members; demoting or removing the last lead is refused', async () => {
    const group = (await createGroup({ name: 'Eco-Labelling Schemes', thematicArea: 'eco_labelling' })).body;
    const a = await t.fx.member();
    const b = await t.fx.member();
    for (const m of [a, b])
      await t.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', m.auth).expect(200);

    await t
      .http()
      .patch(`/api/working-groups/${group.id}/members/${b.id}`)
      .set('Authorization', a.auth)
      .send({ role: 'lead' })
      .expect(403);
    const promoted = await t
      .http()
      .patch(`/api/working-groups/${group.id}/members/${a.id}`)
      .set('Authorization', coordinator.auth)
      .send({ role: 'lead' })
      .expect(200);
    expect(promoted.body.role).toBe('lead');
    await t
      .http()
      .patch(`/api/working-groups/${group.id}/members/${coordinator.id}`)
      .set('Authorization', a.auth)
      .send({ role: 'member' })
      .expect(200);
    const lastLead = await t
      .http()
      .patch(`/api/working-groups/${group.id}/members/${a.id}`)
      .set('Authorization', a.auth)
      .send({ role: 'observer' })
      .expect(409);
    expect(lastLead.body.code).toBe('LAST_LEAD');
    const badRole = await t
      .http()
      .patch(`/api/working-groups/${group.id}/members/${b.id}`)
      .set('Authorization', a.auth)
      .send({ role: 'owner' })
      .expect(400);
    expect(badRole.body.details[0].field).toBe('role');

    await t.http().delete(`/api/working-groups/${group.id}/members/${b.id}`).set('Authorization', a.auth).expect(204);
    const rows = await sql(
      t.databaseUrl,
      'SELECT count(*)::int AS n FROM working_group_members WHERE working_group_id = $1 AND member_id = $2',
      [group.id, b.id],
    );
    expect(rows[0]!.n).toBe(0);
    await t.http().delete(`/api/working-groups/${group.id}/members/${b.id}`).set('Authorization', a.auth).expect(404);
    await t
      .http()
      .delete(`/api/working-groups/${group.id}/members/${a.id}`)
      .set('Authorization', coordinator.auth)
      .expect(409);
    await t
      .http()
      .delete(`/api/working-groups/${group.id}/members/not-a-uuid`)
      .set('Authorization', a.auth)
      .expect(400);
    await t
      .http()
      .post(`/api/working-groups/${group.id}/members`)
      .set('Authorization', a.auth)
      .send({ memberId: UNKNOWN_ID })
      .expect(404);
    const pending = await t.fx.pendingMember();
    const inactive = await t
      .http()
      .post(`/api/working-groups/${group.id}/members`)
      .set('Authorization', a.auth)
      .send({ memberId: pending.id })
      .expect(409);
    expect(inactive.body.code).toBe('MEMBER_NOT_ACTIVE');
  });

  it('leads edit the group; others get 403; unknown groups 404', async () => {
    const group = (await createGroup({ name: 'PPP Working Group', thematicArea: 'public_private_partnership' })).body;
    const member = await t.fx.member();
    await t.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', member.auth).expect(200);
    await t
      .http()
      .patch(`/api/working-groups/${group.id}`)
      .set('Authorization', member.auth)
      .send({ name: 'Hijacked' })
      .expect(403);
    const renamed = await t
      .http()
      .patch(`/api/working-groups/${group.id}`)
      .set('Authorization', coordinator.auth)
      .send({ description: 'Public-private-civil society partnership' })
      .expect(200);
    expect(renamed.body.description).toBe('Public-private-civil society partnership');
    await t.http().get(`/api/working-groups/${UNKNOWN_ID}`).set('Authorization', member.auth).expect(404);
    await t.http().post(`/api/working-groups/${UNKNOWN_ID}/join`).set('Authorization', member.auth).expect(404);
  });

  it('an invitation naming a group makes the new member an active member of it', async () => {
    const group = (await createGroup({ name: 'Invited Experts', thematicArea: 'other', visibility: 'private' })).body;
    const email = t.fx.email('invited');
    const invitation = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', coordinator.auth)
      .send({ email, workingGroupId: group.id })
      .expect(201);
    await t.fx.register({ email, password: 'Invited-expert-2027', invitationToken: invitation.body.token });
    const member = await t.fx.login(email, 'Invited-expert-2027');
    const seen = await t.http().get(`/api/working-groups/${group.id}`).set('Authorization', member.auth).expect(200);
    expect(seen.body.myMembership).toEqual({ role: 'member', status: 'active' });
  });
});

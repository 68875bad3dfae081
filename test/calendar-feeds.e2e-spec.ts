import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodeIcal from 'node-ical';
import type { TestGroup, TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A private feed URL is a bearer credential: it must stop working when the member stops being active and whenever
 * the member's credentials are reset (password change, sign-out everywhere, suspension).
 */
describe('calendar feeds: revoked with the account', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let group: TestGroup;

  const feedPath = async (m: TestMember): Promise<string> => {
    const response = await t.http().get('/api/calendar/feed').set('Authorization', m.auth).expect(200);
    return new URL(response.body.url as string).pathname;
  };
  const summaries = async (path: string): Promise<string[]> => {
    const response = await t.http().get(path).expect(200);
    return Object.values(nodeIcal.sync.parseICS(response.text))
      .filter((c) => c?.type === 'VEVENT')
      .map((e) => String((e as nodeIcal.VEvent).summary));
  };
  const expectGone = async (path: string): Promise<void> => {
    const response = await t.http().get(path).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'CALENDAR_FEED_NOT_FOUND' });
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(response.text).not.toContain('BEGIN:VCALENDAR');
  };
  /** An active member of the private group, invited to its private meeting. */
  const invitedMember = async (): Promise<TestMember> => {
    const m = await t.fx.member();
    await t.fx.addMember(group, m);
    await t.fx.meeting(coordinator, group.id, {
      title: `Private review ${m.id}`,
      startsAt: '2027-05-10T07:00:00Z',
      endsAt: '2027-05-10T08:00:00Z',
      timeZone: 'Asia/Tokyo',
    });
    return m;
  };

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.fx.member({ role: 'coordinator' });
    group = await t.fx.group(coordinator, {
      name: 'Closed feed group',
      thematicArea: 'low_carbon_cities',
      visibility: 'private',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 while the member is not active, whatever the status, and serves again once active', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    expect(await summaries(path)).toContain(`Private review ${m.id}`);
    for (const status of ['pending', 'suspended', 'archived']) {
      // Statuses set directly: a pending account cannot sign in, and `archived` stands for any future status.
      await sql(t.databaseUrl, `UPDATE members SET status = $1 WHERE id = $2`, [status, m.id]);
      await expectGone(path);
    }
    await sql(t.databaseUrl, `UPDATE members SET status = 'active' WHERE id = $1`, [m.id]);
    expect(await summaries(path)).toContain(`Private review ${m.id}`);
  });

  it('suspension by a coordinator revokes the URL for good: reinstatement does not bring it back', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    await t.http().get(path).expect(200);
    const [before] = await sql<{ version: number }>(
      t.databaseUrl,
      'SELECT version FROM calendar_feeds WHERE member_id = $1',
      [m.id],
    );

    await t.http().post(`/api/members/${m.id}/suspend`).set('Authorization', coordinator.auth).expect(200);
    await expectGone(path);
    const [after] = await sql<{ version: number }>(
      t.databaseUrl,
      'SELECT version FROM calendar_feeds WHERE member_id = $1',
      [m.id],
    );
    expect(after!.version).toBe(before!.version + 1);

    await t.http().post(`/api/members/${m.id}/reinstate`).set('Authorization', coordinator.auth).expect(200);
    await expectGone(path);
    const again = await t.fx.login(m.email, m.password);
    const fresh = await feedPath(again);
    expect(fresh).not.toBe(path);
    expect(await summaries(fresh)).toContain(`Private review ${m.id}`);
  });

  it('a password change rotates the feed secret', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    await t.http().get(path).expect(200);
    const newPassword = `${m.password}-renewed`;
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', m.auth)
      .send({ currentPassword: m.password, newPassword })
      .expect(204);
    await expectGone(path);
    // The session that changed the password lives on and is handed the new URL.
    const fresh = await feedPath(m);
    expect(fresh).not.toBe(path);
    expect(await summaries(fresh)).toContain(`Private review ${m.id}`);
  });

  it('a wrong current password changes nothing, the feed included', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', m.auth)
      .send({ currentPassword: 'Not-the-password-1', newPassword: 'Another-password-2' })
      .expect(403);
    await t.http().get(path).expect(200);
    expect(await feedPath(m)).toBe(path);
  });

  it('signing out everywhere rotates the feed secret', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    await t.http().post('/api/auth/logout-all').set('Authorization', m.auth).expect(204);
    await expectGone(path);
    const again = await t.fx.login(m.email, m.password);
    const fresh = await feedPath(again);
    expect(fresh).not.toBe(path);
    await t.http().get(fresh).expect(200);
  });

  it('a plain sign-out or the revocation of one session leaves the feed alone', async () => {
    const m = await invitedMember();
    const path = await feedPath(m);
    const second = await t.fx.login(m.email, m.password);
    const sessions = await t.http().get('/api/auth/sessions').set('Authorization', m.auth).expect(200);
    const other = (sessions.body as { id: string; current: boolean }[]).find((s) => !s.current)!;
    await t.http().delete(`/api/auth/sessions/${other.id}`).set('Authorization', m.auth).expect(204);
    await t.http().post('/api/auth/logout').set('Authorization', m.auth).send({}).expect(204);
    await t.http().get(path).expect(200);
    expect(second.id).toBe(m.id);
  });
});

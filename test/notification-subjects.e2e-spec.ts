import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { TestMember } from '@lcc/testing';
import { NotificationMailService } from '../apps/api/src/modules/notifications/notification-mail.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Mail that waits for a digest goes out hours after its notification: by then a member removed from the room or the
 * group may no longer see what it is about, and the digest leaves it out — the same rule as every other channel.
 */
describe('waiting notification mail asks the access rules again when it goes out', () => {
  let t: TestApp;
  let job: NotificationMailService;
  let lead: TestMember;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAIL_POLL_INTERVAL_MS: '0', NOTIFICATION_MAIL_POLL_INTERVAL_MS: '0' } });
    job = t.app.get(NotificationMailService);
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Lead Lee' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function dailyAt20(member: TestMember, kind: 'mentions' | 'meetings'): Promise<void> {
    await t
      .http()
      .put('/api/members/me/notification-preferences')
      .set('Authorization', member.auth)
      .send({ [kind]: 'daily', digestHour: 20 })
      .expect(200);
  }

  /** Runs the digest job just after 20:00 in the members' zone (the fixtures' Asia/Ulaanbaatar). */
  async function sendDigests(): Promise<void> {
    const now = DateTime.now().setZone('Asia/Ulaanbaatar');
    let due = now.set({ hour: 20, minute: 0, second: 0, millisecond: 0 });
    if (due <= now) due = due.plus({ days: 1 });
    await job.runDue(due.plus({ minutes: 1 }).toJSDate());
  }

  /** The text of every digest written to the member (other kinds, such as "you joined", may share one). */
  const digests = async (member: TestMember) =>
    (
      await sql<{ text: string }>(
        t.databaseUrl,
        `SELECT text FROM mail_outbox WHERE to_address = $1 AND kind = 'notification_digest'`,
        [member.email],
      )
    )
      .map((row) => row.text)
      .join('\n');

  it('leaves out a mention from a room the member was removed from before the digest', async () => {
    const stays = await t.fx.member({ displayName: 'Stays Here' });
    const removed = await t.fx.member({ displayName: 'Taken Out' });
    await dailyAt20(stays, 'mentions');
    await dailyAt20(removed, 'mentions');
    const room = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', lead.auth)
      .send({ kind: 'topic', name: 'Private drafting', visibility: 'private', memberIds: [stays.id, removed.id] })
      .expect(201);
    await t
      .http()
      .post(`/api/rooms/${room.body.id}/messages`)
      .set('Authorization', lead.auth)
      .send({ clientId: randomUUID(), body: '@Stays Here and @Taken Out: the draft targets' })
      .expect(201);
    await t
      .http()
      .delete(`/api/rooms/${room.body.id}/members/${removed.id}`)
      .set('Authorization', lead.auth)
      .expect(204);

    await sendDigests();
    expect(await digests(stays)).toContain('Private drafting');
    expect(await digests(removed)).not.toContain('Private drafting');
  });

  it('leaves out a meeting of a private group the member left before the digest', async () => {
    const stays = await t.fx.member({ displayName: 'Group Stayer' });
    const left = await t.fx.member({ displayName: 'Group Leaver' });
    await dailyAt20(stays, 'meetings');
    await dailyAt20(left, 'meetings');
    const group = await t.fx.group(lead, { name: 'Private expert group', visibility: 'private' });
    await t.fx.join(group, stays);
    await t.fx.join(group, left);
    await t.fx.meeting(lead, group.id, { title: 'Closed session' });
    await t.http().post(`/api/working-groups/${group.id}/leave`).set('Authorization', left.auth).expect(204);

    await sendDigests();
    expect(await digests(stays)).toContain('Closed session');
    expect(await digests(left)).not.toContain('Closed session');
  });
});

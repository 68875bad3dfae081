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

/** The in-app list and its unread count ask the same rules: what a member lost sight of leaves their list at once. */
describe('the notification list follows access', () => {
  let t: TestApp;
  let lead: TestMember;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAIL_POLL_INTERVAL_MS: '0', NOTIFICATION_MAIL_POLL_INTERVAL_MS: '0' } });
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Lead Lin' });
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (member: TestMember) =>
    (await t.http().get('/api/notifications?limit=2').set('Authorization', member.auth).expect(200)).body as {
      items: { id: string; type: string; data: Record<string, string> }[];
      nextCursor: string | null;
      unreadCount: number;
    };

  async function allPages(member: TestMember): Promise<{ type: string; data: Record<string, string> }[]> {
    const items: { type: string; data: Record<string, string> }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const res = await t.http().get(`/api/notifications${query}`).set('Authorization', member.auth).expect(200);
      items.push(...(res.body.items as typeof items));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  async function notified(member: TestMember, type: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const rows = await sql(t.databaseUrl, `SELECT 1 FROM notifications WHERE member_id = $1 AND type = $2`, [
        member.id,
        type,
      ]);
      if (rows.length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${member.email} never got ${count} ${type} notifications`);
  }

  it('leaves out mentions of a room and documents of a private group the member lost, on every page', async () => {
    const stays = await t.fx.member({ displayName: 'Still Here' });
    const removed = await t.fx.member({ displayName: 'Now Gone' });
    const room = await t.fx.room(lead, {
      kind: 'topic',
      name: 'Closed drafting',
      visibility: 'private',
      memberIds: [stays.id, removed.id],
    });
    for (let i = 0; i < 3; i += 1) {
      await t
        .http()
        .post(`/api/rooms/${room.id}/messages`)
        .set('Authorization', lead.auth)
        .send({ clientId: randomUUID(), body: `@Still Here and @Now Gone: draft ${i}` })
        .expect(201);
    }
    const group = await t.fx.group(lead, { name: 'Closed expert group', visibility: 'private' });
    await t.fx.join(group, stays);
    await t.fx.join(group, removed);
    await t.fx.document(lead, { title: 'Closed report', groupId: group.id, visibility: 'group' });
    await notified(removed, 'message_mention', 3);
    await notified(removed, 'document_added', 1);
    const before = await list(removed);
    expect(before.unreadCount).toBeGreaterThanOrEqual(4);
    expect((await allPages(removed)).map((n) => n.type)).toEqual(
      expect.arrayContaining(['message_mention', 'document_added']),
    );

    await t.http().delete(`/api/rooms/${room.id}/members/${removed.id}`).set('Authorization', lead.auth).expect(204);
    await t.http().post(`/api/working-groups/${group.id}/leave`).set('Authorization', removed.auth).expect(204);

    const after = await allPages(removed);
    expect(after.filter((n) => n.data.roomId === room.id)).toEqual([]);
    expect(after.filter((n) => n.data.documentTitle === 'Closed report')).toEqual([]);
    expect((await list(removed)).unreadCount).toBe(before.unreadCount - 4);
    const hidden = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM notifications WHERE member_id = $1 AND type = 'message_mention'`,
      [removed.id],
    );
    await t.http().post(`/api/notifications/${hidden[0]!.id}/read`).set('Authorization', removed.auth).expect(404);

    const kept = await allPages(stays);
    expect(kept.filter((n) => n.data.roomId === room.id)).toHaveLength(3);
    expect(kept.filter((n) => n.data.documentTitle === 'Closed report')).toHaveLength(1);
  });
});

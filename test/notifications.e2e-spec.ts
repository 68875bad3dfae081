import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { RemindersService } from '../apps/api/src/modules/meetings/reminders.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('notifications', () => {
  let t: TestApp;
  let lead: TestMember;
  let member: TestMember;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator' });
    member = await t.fx.member();
    groupId = (
      await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Notified Group', thematicArea: 'other', visibility: 'private' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const inbox = async (m: TestMember, query: Record<string, string> = {}) =>
    (await t.http().get('/api/notifications').query(query).set('Authorization', m.auth).expect(200)).body as {
      items: NotificationResponse[];
      unreadCount: number;
      nextCursor: string | null;
    };

  it('tells leads about join requests and the member about the approval', async () => {
    await t.http().post(`/api/working-groups/${groupId}/join`).set('Authorization', member.auth).expect(202);
    const leadInbox = await inbox(lead);
    expect(leadInbox.items[0]).toMatchObject({
      type: 'group_join_requested',
      data: { workingGroupId: groupId, memberId: member.id },
      readAt: null,
    });
    await t
      .http()
      .post(`/api/working-groups/${groupId}/members/${member.id}/approve`)
      .set('Authorization', lead.auth)
      .expect(200);
    expect((await inbox(member)).items[0]).toMatchObject({
      type: 'group_joined',
      title: 'You are now a member of Notified Group',
    });
  });

  it('tells invitees, not the organiser, about scheduling, changes and cancellation', async () => {
    const meeting = (
      await t
        .http()
        .post(`/api/working-groups/${groupId}/meetings`)
        .set('Authorization', lead.auth)
        .send({
          title: 'Notify me',
          startsAt: '2027-06-01T06:00:00Z',
          endsAt: '2027-06-01T07:00:00Z',
          timeZone: 'Asia/Seoul',
        })
        .expect(201)
    ).body;
    await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ venue: 'Incheon' })
      .expect(200);
    await t.http().post(`/api/meetings/${meeting.id}/cancel`).set('Authorization', lead.auth).expect(200);
    const types = (await inbox(member)).items.filter((n) => n.data.meetingId === meeting.id).map((n) => n.type);
    expect(types).toEqual(['meeting_cancelled', 'meeting_updated', 'meeting_invited']);
    const own = (await inbox(lead)).items.filter((n) => n.data.meetingId === meeting.id);
    expect(own).toEqual([]);
  });

  it('lists unread ones, marks one or all read, and keeps notifications private', async () => {
    const before = await inbox(member, { unread: 'true' });
    expect(before.unreadCount).toBeGreaterThanOrEqual(4);
    const first = before.items[0]!;
    const read = await t
      .http()
      .post(`/api/notifications/${first.id}/read`)
      .set('Authorization', member.auth)
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await inbox(member)).unreadCount).toBe(before.unreadCount - 1);
    await t.http().post(`/api/notifications/${first.id}/read`).set('Authorization', lead.auth).expect(404);
    const all = await t.http().post('/api/notifications/read-all').set('Authorization', member.auth).expect(200);
    expect(all.body.updated).toBe(before.unreadCount - 1);
    expect((await inbox(member, { unread: 'true' })).items).toEqual([]);
    const page = await inbox(member, { limit: '2' });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    await t.http().get('/api/notifications').expect(401);
    await t.http().get('/api/notifications').query({ unread: 'perhaps' }).set('Authorization', member.auth).expect(400);
  });
});

describe('meeting reminders', () => {
  it('are sent exactly once to accepted and tentative invitees, even with two instances running the job at once', async () => {
    const first = await createTestApp();
    const lead = await first.fx.member({ role: 'coordinator' });
    const [yes, maybe, no, silent] = [
      await first.fx.member(),
      await first.fx.member(),
      await first.fx.member(),
      await first.fx.member(),
    ];
    const groupId = (
      await first
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Reminded', thematicArea: 'other' })
        .expect(201)
    ).body.id;
    for (const m of [yes, maybe, no, silent])
      await first.http().post(`/api/working-groups/${groupId}/join`).set('Authorization', m.auth).expect(200);
    const startsAt = new Date(Date.now() + 30 * 3600_000);
    const meeting = (
      await first
        .http()
        .post(`/api/working-groups/${groupId}/meetings`)
        .set('Authorization', lead.auth)
        .send({
          title: 'Remind me',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          timeZone: 'UTC',
        })
        .expect(201)
    ).body;
    const rsvp = (m: TestMember, response: string) =>
      first.http().put(`/api/meetings/${meeting.id}/rsvp`).set('Authorization', m.auth).send({ response }).expect(200);
    await rsvp(yes, 'accepted');
    await rsvp(maybe, 'tentative');
    await rsvp(no, 'declined');
    const reminders = await sql(
      first.databaseUrl,
      'SELECT kind FROM meeting_reminders WHERE meeting_id = $1 ORDER BY due_at',
      [meeting.id],
    );
    expect(reminders.map((r) => r.kind)).toEqual(['24h', '1h']);

    const second = await createTestApp({ databaseUrl: first.databaseUrl });
    try {
      const jobs = [first.app.get(RemindersService), second.app.get(RemindersService)];
      // Nothing is due yet.
      expect(await jobs[0]!.runDue(new Date())).toBe(0);
      // 7 hours later the 24 h reminder is due: ten concurrent runs over two instances claim it once.
      const later = new Date(Date.now() + 7 * 3600_000);
      const claimed = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs[i % 2]!.runDue(later)));
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
      // An hour before the start, the 1 h reminder follows, once.
      const lastHour = new Date(startsAt.getTime() - 30 * 60_000);
      const claimedAgain = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs[i % 2]!.runDue(lastHour)));
      expect(claimedAgain.reduce((a, b) => a + b, 0)).toBe(1);

      const sent = await sql(
        first.databaseUrl,
        `SELECT member_id, data->>'reminder' AS kind FROM notifications WHERE type = 'meeting_reminder' ORDER BY member_id, kind`,
      );
      const expected = [yes.id, maybe.id].sort().flatMap((id) => [
        { member_id: id, kind: '1h' },
        { member_id: id, kind: '24h' },
      ]);
      expect(sent).toEqual(expected);
    } finally {
      await second.stop();
      await first.close();
    }
  });

  it('are moved with the meeting and dropped when it is cancelled', async () => {
    const t = await createTestApp();
    try {
      const lead = await t.fx.member({ role: 'coordinator' });
      const groupId = (
        await t
          .http()
          .post('/api/working-groups')
          .set('Authorization', lead.auth)
          .send({ name: 'Moved', thematicArea: 'other' })
          .expect(201)
      ).body.id;
      const startsAt = new Date(Date.now() + 48 * 3600_000);
      const meeting = (
        await t
          .http()
          .post(`/api/working-groups/${groupId}/meetings`)
          .set('Authorization', lead.auth)
          .send({
            title: 'Moving',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
            timeZone: 'UTC',
          })
          .expect(201)
      ).body;
      const newStart = new Date(startsAt.getTime() + 24 * 3600_000);
      await t
        .http()
        .patch(`/api/meetings/${meeting.id}`)
        .set('Authorization', lead.auth)
        .send({ startsAt: newStart.toISOString(), endsAt: new Date(newStart.getTime() + 3600_000).toISOString() })
        .expect(200);
      const moved = await sql(
        t.databaseUrl,
        `SELECT kind, due_at FROM meeting_reminders WHERE meeting_id = $1 ORDER BY due_at`,
        [meeting.id],
      );
      expect(moved.map((r) => [r.kind, (r.due_at as Date).toISOString()])).toEqual([
        ['24h', new Date(newStart.getTime() - 24 * 3600_000).toISOString()],
        ['1h', new Date(newStart.getTime() - 3600_000).toISOString()],
      ]);
      await t.http().post(`/api/meetings/${meeting.id}/cancel`).set('Authorization', lead.auth).expect(200);
      const left = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM meeting_reminders WHERE meeting_id = $1', [
        meeting.id,
      ]);
      expect(left[0]!.n).toBe(0);
    } finally {
      await t.close();
    }
  });
});

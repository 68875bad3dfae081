import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { NotificationResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { NotificationParams1796611200000 } from '../migrations/1796611200000-notification-params.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** English sentences the server used to store; none may be written any more. */
const ENGLISH =
  /mentioned you|You are invited|Meeting changed|Meeting cancelled|asks to join|now a member of|starts in/;

describe('notifications carry their kind and parameters, not sentences', () => {
  let t: TestApp;
  let lead: TestMember;
  let reader: TestMember;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Ольга Lead' });
    reader = await t.fx.member({ displayName: 'Бат Reader' });
    groupId = (
      await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: 'Низкоуглеродные города', thematicArea: 'other', visibility: 'public' })
        .expect(201)
    ).body.id;
    await t.http().post(`/api/working-groups/${groupId}/join`).set('Authorization', reader.auth).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const inbox = async (m: TestMember) =>
    (await t.http().get('/api/notifications').set('Authorization', m.auth).expect(200)).body
      .items as NotificationResponse[];

  const schedule = async (title: string) =>
    (
      await t
        .http()
        .post(`/api/working-groups/${groupId}/meetings`)
        .set('Authorization', lead.auth)
        .send({ title, startsAt: '2027-09-01T02:00:00Z', endsAt: '2027-09-01T03:00:00Z', timeZone: 'Asia/Ulaanbaatar' })
        .expect(201)
    ).body as { id: string };

  it('a mention stores who mentioned whom, and the response carries type, params and an English fallback', async () => {
    const room = (
      await t
        .http()
        .post('/api/rooms')
        .set('Authorization', lead.auth)
        .send({ kind: 'direct', memberIds: [reader.id] })
        .expect(201)
    ).body as { id: string };
    const sent = (
      await t
        .http()
        .post(`/api/rooms/${room.id}/messages`)
        .set('Authorization', lead.auth)
        .send({ clientId: randomUUID(), body: 'Посмотрите, @Бат Reader' })
        .expect(201)
    ).body as { id: string; mentionIds: string[] };
    expect(sent.mentionIds).toEqual([reader.id]);

    const [mention] = (await inbox(reader)).filter((n) => n.type === 'message_mention');
    expect(mention).toMatchObject({
      type: 'message_mention',
      data: { roomId: room.id, messageId: sent.id, actorId: lead.id, actorName: 'Ольга Lead' },
      title: 'Ольга Lead mentioned you',
    });
    const [row] = await sql<{ type: string; data: Record<string, string> }>(
      t.databaseUrl,
      `SELECT type, data FROM notifications WHERE id = $1`,
      [mention.id],
    );
    expect(row).toEqual({ type: 'message_mention', data: mention.data });
  });

  it('meeting notifications name the meeting, its group and who acted', async () => {
    const meeting = await schedule('Встреча экспертов');
    const [invited] = (await inbox(reader)).filter((n) => n.data.meetingId === meeting.id);
    expect(invited).toMatchObject({
      type: 'meeting_invited',
      data: {
        meetingId: meeting.id,
        workingGroupId: groupId,
        meetingTitle: 'Встреча экспертов',
        groupName: 'Низкоуглеродные города',
        actorId: lead.id,
        actorName: 'Ольга Lead',
      },
      title: 'You are invited: Встреча экспертов',
    });
  });

  it('minutes notify once per new text; the same minutes saved again notify nobody, action items only their new owner', async () => {
    const meeting = await schedule('Minutes twice');
    const patch = (body: Record<string, unknown>) =>
      t.http().patch(`/api/meetings/${meeting.id}`).set('Authorization', lead.auth).send(body).expect(200);
    const kinds = async () => (await inbox(reader)).filter((n) => n.data.meetingId === meeting.id).map((n) => n.type);

    await patch({ minutes: 'Agreed to share inventories by June.', actionItems: [] });
    expect(await kinds()).toEqual(['meeting_minutes', 'meeting_invited']);
    await patch({ minutes: 'Agreed to share inventories by June.', actionItems: [] });
    const items = [{ text: 'Send the inventory template', ownerId: reader.id }];
    await patch({ actionItems: items });
    expect(await kinds()).toEqual(['action_item_assigned', 'meeting_minutes', 'meeting_invited']);
    await patch({ minutes: 'Agreed to share inventories by July.' });
    const afterMinutes = ['meeting_minutes', 'action_item_assigned', 'meeting_minutes', 'meeting_invited'];
    expect(await kinds()).toEqual(afterMinutes);
    // A change of the meeting itself stays `meeting_updated`, once.
    await patch({ venue: 'Улаанбаатар' });
    expect(await kinds()).toEqual(['meeting_updated', ...afterMinutes]);
  });

  it('group notifications name the group and the member', async () => {
    const privateGroup = (
      await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', lead.auth)
        .send({ name: '低碳城市', thematicArea: 'other', visibility: 'private' })
        .expect(201)
    ).body.id as string;
    await t.http().post(`/api/working-groups/${privateGroup}/join`).set('Authorization', reader.auth).expect(202);
    expect((await inbox(lead)).find((n) => n.type === 'group_join_requested')).toMatchObject({
      data: { workingGroupId: privateGroup, groupName: '低碳城市', memberId: reader.id, memberName: 'Бат Reader' },
    });
    await t
      .http()
      .post(`/api/working-groups/${privateGroup}/members/${reader.id}/approve`)
      .set('Authorization', lead.auth)
      .expect(200);
    expect((await inbox(reader)).find((n) => n.type === 'group_joined')).toMatchObject({
      data: { workingGroupId: privateGroup, groupName: '低碳城市', actorId: lead.id, actorName: 'Ольга Lead' },
      title: 'You are now a member of 低碳城市',
    });
  });

  it('no stored notification holds an English sentence, and the table has no sentence column', async () => {
    const rows = await sql<{ data: Record<string, string> }>(t.databaseUrl, `SELECT data FROM notifications`);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => ENGLISH.test(JSON.stringify(row.data)))).toEqual([]);
    const columns = await sql<{ column_name: string }>(
      t.databaseUrl,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('title');
  });

  it('the migration gives notifications written as sentences their parameters, and back', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: t.databaseUrl });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    const migration = new NotificationParams1796611200000();
    // The reminder is about a meeting the reader may see: the list leaves out notifications about what they cannot.
    const meeting = await t.fx.meeting(lead, groupId, { title: 'Старый title' });
    try {
      await migration.down(runner);
      const [{ id: legacy }] = await sql<{ id: string }>(
        t.databaseUrl,
        `INSERT INTO notifications (member_id, type, title, data)
         VALUES ($1, 'meeting_reminder', 'Старый title starts in 1 hour', $2) RETURNING id`,
        [reader.id, { meetingId: meeting.id, workingGroupId: groupId, reminder: '1h' }],
      );
      const [{ id: mentionId }] = await sql<{ id: string }>(
        t.databaseUrl,
        `INSERT INTO notifications (member_id, type, title, data)
         VALUES ($1, 'group_join_requested', 'A member asks to join Old name', $2) RETURNING id`,
        [lead.id, { workingGroupId: groupId, memberId: reader.id }],
      );
      await migration.up(runner);
      const rows = await sql<{ id: string; data: Record<string, string> }>(
        t.databaseUrl,
        `SELECT id, data FROM notifications WHERE id = ANY($1)`,
        [[legacy, mentionId]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.data]))).toEqual({
        [legacy]: expect.objectContaining({
          meetingTitle: 'Старый title',
          groupName: 'Низкоуглеродные города',
          reminder: '1h',
        }),
        [mentionId]: expect.objectContaining({ groupName: 'Old name', memberName: 'Бат Reader' }),
      });
      const reminder = (await inbox(reader)).find((n) => n.id === legacy);
      expect(reminder?.title).toBe('Старый title starts in 1 hour');
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});

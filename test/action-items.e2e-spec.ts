import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MyActionItemResponse, NotificationResponse } from '@lcc/contracts';
import type { TestGroup, TestMember } from '@lcc/testing';
import { ActionItemsService } from '../apps/api/src/modules/meetings/action-items.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('my action items: across meetings, assigned and due notifications, access that follows the group', () => {
  let t: TestApp;
  let lead: TestMember;
  let tokyo: TestMember;
  let moscow: TestMember;
  let group: TestGroup;
  let meetingId: string;

  const items = async (member: TestMember, status = 'open') =>
    (await t.http().get(`/api/action-items?status=${status}`).set('Authorization', member.auth).expect(200))
      .body as MyActionItemResponse[];
  const notifications = async (member: TestMember, type: string) =>
    (
      (await t.http().get('/api/notifications').set('Authorization', member.auth).expect(200)).body
        .items as NotificationResponse[]
    ).filter((n) => n.type === type);
  const saveItems = (actionItems: unknown[], by = lead, id = meetingId) =>
    t.http().patch(`/api/meetings/${id}`).set('Authorization', by.auth).send({ actionItems });
  const tick = (member: TestMember, itemId: string, body: object = { done: true }, id = meetingId) =>
    t.http().patch(`/api/meetings/${id}/action-items/${itemId}`).set('Authorization', member.auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator', timeZone: 'Europe/Moscow' });
    tokyo = await t.fx.member({ timeZone: 'Asia/Tokyo' });
    moscow = await t.fx.member({ timeZone: 'Europe/Moscow' });
    group = await t.fx.group(lead, { name: 'Eco-tax reform', thematicArea: 'eco_tax_reform', visibility: 'private' });
    for (const member of [tokyo, moscow]) await t.fx.addMember(group, member);
    meetingId = (
      await t.fx.meeting(lead, group.id, {
        title: 'Eco-tax expert meeting',
        startsAt: '2031-05-06T06:00:00Z',
        endsAt: '2031-05-06T08:00:00Z',
        timeZone: 'Asia/Tokyo',
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('notifies an owner once when an item becomes theirs, never its author, and lists each member’s own items due first', async () => {
    const first = await saveItems([
      { text: 'Draft the eco-tax brief', ownerId: tokyo.id, dueDate: '2031-06-01' },
      { text: 'Collect Moscow tariffs', ownerId: moscow.id },
      { text: 'Circulate the minutes', ownerId: lead.id, dueDate: '2020-01-10' },
      { text: 'Book the venue', ownerId: tokyo.id, dueDate: '2020-01-15' },
    ]).expect(200);
    const stored = first.body.actionItems as { id: string; text: string; ownerId: string }[];

    const assigned = await notifications(tokyo, 'action_item_assigned');
    expect(assigned.map((n) => n.data.actionItemText).sort()).toEqual(['Book the venue', 'Draft the eco-tax brief']);
    expect(assigned[0]!.data).toMatchObject({
      meetingId,
      meetingTitle: 'Eco-tax expert meeting',
      groupName: 'Eco-tax reform',
    });
    expect(assigned[0]!.data.actorName).toBeTruthy();
    expect(await notifications(lead, 'action_item_assigned')).toEqual([]);

    // Saved again unchanged: nobody hears anything new. Given to another owner: that owner does.
    await saveItems(stored).expect(200);
    expect(await notifications(tokyo, 'action_item_assigned')).toHaveLength(2);
    const moved = stored.map((item) =>
      item.text === 'Collect Moscow tariffs' ? { ...item, ownerId: tokyo.id } : item,
    );
    await saveItems(moved).expect(200);
    expect(await notifications(tokyo, 'action_item_assigned')).toHaveLength(3);

    const mine = await items(tokyo);
    expect(mine.map((item) => [item.text, item.dueDate, item.overdue])).toEqual([
      ['Book the venue', '2020-01-15', true],
      ['Draft the eco-tax brief', '2031-06-01', false],
      ['Collect Moscow tariffs', null, false],
    ]);
    expect(mine[0]!.meeting).toMatchObject({
      id: meetingId,
      title: 'Eco-tax expert meeting',
      groupName: 'Eco-tax reform',
    });
    expect(await items(moscow)).toEqual([]);
  });

  it('lets the owner (or an organiser) tick an item done, refuses others, and answers bad input with the error shape', async () => {
    const [venue] = await items(tokyo);
    await tick(moscow, venue!.id).expect(403);
    const done = await tick(tokyo, venue!.id).expect(200);
    expect(done.body).toMatchObject({ id: venue!.id, text: 'Book the venue', done: true });
    expect((await items(tokyo)).map((item) => item.text)).not.toContain('Book the venue');
    expect((await items(tokyo, 'done')).map((item) => item.text)).toEqual(['Book the venue']);
    await tick(lead, venue!.id, { done: false }).expect(200);
    expect((await items(tokyo)).map((item) => item.text)).toContain('Book the venue');

    const unknown = await tick(tokyo, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.body.code).toBe('ACTION_ITEM_NOT_FOUND');
    const invalid = await tick(tokyo, venue!.id, { done: 'yes' }).expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    await t.http().get('/api/action-items?status=late').set('Authorization', tokyo.auth).expect(400);
    expect((await items(tokyo)).find((item) => item.id === venue!.id)?.done).toBe(false);
  });

  it('reminds an owner once on the morning an open item falls due in their own zone', async () => {
    const runner = t.app.get(ActionItemsService);
    // 09:00 in Tokyo on 2031-06-01 is 00:00 UTC.
    expect(await runner.runDue(new Date('2031-05-31T23:59:00Z'))).toBe(0);
    await runner.runDue(new Date('2031-06-01T00:01:00Z'));
    const due = await notifications(tokyo, 'action_item_due');
    expect(due.map((n) => n.data.actionItemText)).toEqual(['Draft the eco-tax brief']);
    await runner.runDue(new Date('2031-06-01T12:00:00Z'));
    expect(await notifications(tokyo, 'action_item_due')).toHaveLength(1);

    // Moved to another day: one reminder again, for the new day; done: none.
    const meeting = (await t.http().get(`/api/meetings/${meetingId}`).set('Authorization', lead.auth)).body;
    const later = meeting.actionItems.map((item: { text: string }) =>
      item.text === 'Draft the eco-tax brief' ? { ...item, dueDate: '2031-07-01' } : item,
    );
    await saveItems(later).expect(200);
    const brief = later.find((item: { text: string }) => item.text === 'Draft the eco-tax brief');
    await tick(tokyo, brief.id).expect(200);
    expect(await sql(t.databaseUrl, `SELECT 1 FROM action_item_reminders WHERE item_id = $1`, [brief.id])).toHaveLength(
      0,
    );
    expect(await runner.runDue(new Date('2031-07-02T00:00:00Z'))).toBe(0);
  });

  it('hides the items of a private group’s meetings from a member removed from it, in the list and the reminders', async () => {
    const meeting = (await t.http().get(`/api/meetings/${meetingId}`).set('Authorization', lead.auth)).body;
    const next = [
      ...meeting.actionItems,
      { text: 'Compare rates with Ulaanbaatar', ownerId: moscow.id, dueDate: '2031-08-01' },
    ];
    const saved = await saveItems(next).expect(200);
    const compare = (saved.body.actionItems as { id: string; text: string }[]).find(
      (item) => item.text === 'Compare rates with Ulaanbaatar',
    )!;
    expect((await items(moscow)).map((item) => item.text)).toEqual(['Compare rates with Ulaanbaatar']);
    await t
      .http()
      .delete(`/api/working-groups/${group.id}/members/${moscow.id}`)
      .set('Authorization', lead.auth)
      .expect((res) => expect([200, 204]).toContain(res.status));
    expect(await items(moscow)).toEqual([]);
    await t.app.get(ActionItemsService).runDue(new Date('2031-08-01T12:00:00Z'));
    expect(await notifications(moscow, 'action_item_due')).toEqual([]);
    await tick(moscow, compare.id).expect(404);
  });
});

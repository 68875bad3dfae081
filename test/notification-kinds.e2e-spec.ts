import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { NotificationResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { NotificationMailService } from '../apps/api/src/modules/notifications/notification-mail.service.js';
import { headerOf, TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('direct message and document notifications, by e-mail as each member chooses, over real SMTP', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();
  let job: NotificationMailService;
  let anna: TestMember; // sends direct messages, uploads documents
  let minji: TestMember; // ko, direct messages immediately
  let quiet: TestMember; // mutes the direct conversation
  let lead: TestMember; // coordinator, leads the groups
  let olga: TestMember; // ru, Europe/Moscow, documents daily at 09:00
  let outsider: TestMember; // asks to join the private group, never approved
  let dmRoomId: string; // Anna and Minji

  async function profile(member: TestMember, language: string, timeZone: string): Promise<void> {
    await t.http().patch('/api/members/me').set('Authorization', member.auth).send({ language, timeZone }).expect(200);
  }
  const setPrefs = (member: TestMember, body: object) =>
    t.http().put('/api/members/me/notification-preferences').set('Authorization', member.auth).send(body);

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100', NOTIFICATION_MAIL_POLL_INTERVAL_MS: '0' },
    });
    job = t.app.get(NotificationMailService);
    anna = await t.fx.member({ displayName: 'Anna Author' });
    minji = await t.fx.member({ displayName: 'Kim Minji' });
    quiet = await t.fx.member({ displayName: 'Quiet Quinn' });
    lead = await t.fx.member({ role: 'coordinator', displayName: 'Lena Lead' });
    olga = await t.fx.member({ displayName: 'Ольга Смирнова' });
    outsider = await t.fx.member({ displayName: 'Otto Outside' });
    await profile(minji, 'ko', 'Asia/Seoul');
    await profile(olga, 'ru', 'Europe/Moscow');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function notifications(member: TestMember): Promise<NotificationResponse[]> {
    const response = await t.http().get('/api/notifications').set('Authorization', member.auth).expect(200);
    return response.body.items as NotificationResponse[];
  }

  /** Notifications are written by a listener after the response: wait for them. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 10_000;
    let value = await read();
    while (!done(value) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      value = await read();
    }
    return value;
  }

  async function outbox(address: string): Promise<{ kind: string; subject: string; text: string }[]> {
    return t.app
      .get(DataSource)
      .query(
        `SELECT kind, subject, text FROM mail_outbox WHERE to_address = $1 AND kind LIKE 'notification%' ORDER BY created_at`,
        [address],
      );
  }

  async function directRoom(from: TestMember, to: TestMember): Promise<string> {
    const room = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', from.auth)
      .send({ kind: 'direct', memberIds: [to.id] })
      .expect(201);
    return room.body.id as string;
  }

  function send(from: TestMember, roomId: string, body: string): Promise<{ body: { id: string } }> {
    return t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', from.auth)
      .send({ clientId: randomUUID(), body })
      .expect(201);
  }

  it('mails a direct message at once to a member who chose so, in their language, with one-click unsubscribe', async () => {
    await setPrefs(minji, { directMessages: 'immediately' }).expect(200);
    const roomId = (dmRoomId = await directRoom(anna, minji));
    const sent = await send(anna, roomId, 'Could you send the <b>2025</b> inventory?');

    const [notification] = await notifications(minji);
    expect(notification).toMatchObject({
      type: 'direct_message',
      title: 'Anna Author sent you a direct message',
      data: { roomId, messageId: sent.body.id, actorId: anna.id, actorName: 'Anna Author' },
    });
    // The sender hears nothing of their own message.
    expect(await notifications(anna)).toHaveLength(0);

    const mail = await smtp.find(minji.email, (m) => m.parsed.subject === 'Anna Author님이 개인 메시지를 보냈습니다');
    expect(mail.parsed.text).toContain('Could you send the <b>2025</b> inventory?');
    expect(mail.parsed.text).toContain(`http://portal.test/rooms/${roomId}`);
    expect(mail.parsed.html).toContain('&lt;b&gt;2025&lt;/b&gt;');
    expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
      new RegExp(`^<http://portal\\.test/api/unsubscribe/${minji.id}\\.direct_messages\\.[A-Za-z0-9_-]{43}>$`),
    );
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const rows = await outbox(minji.email);
    expect(rows.map((r) => r.kind)).toEqual(['notification_direct_message']);
  });

  it('notifies a member named in a direct message once, with the mention', async () => {
    const before = (await notifications(minji)).length;
    const sent = await send(anna, dmRoomId, '@Kim Minji the deadline is Friday');
    const list = await notifications(minji);
    expect(list).toHaveLength(before + 1);
    expect(list[0]).toMatchObject({ type: 'message_mention', data: { messageId: sent.body.id } });
  });

  it('writes nothing for a muted direct conversation, and nothing for messages in topic rooms', async () => {
    const roomId = await directRoom(anna, quiet);
    await t
      .http()
      .put(`/api/rooms/${roomId}/notify-level`)
      .set('Authorization', quiet.auth)
      .send({ notifyLevel: 'nothing' })
      .expect(200);
    await send(anna, roomId, 'are you there?');
    const topic = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', anna.auth)
      .send({ kind: 'topic', name: 'Transport', memberIds: [quiet.id] })
      .expect(201);
    await send(anna, topic.body.id as string, 'a plain message in a topic room');
    await setPrefs(quiet, { directMessages: 'immediately' }).expect(200);
    await send(anna, roomId, 'still muted');
    await job.runDue(DateTime.now().plus({ days: 2 }).toJSDate());
    expect(await notifications(quiet)).toHaveLength(0);
    expect(await outbox(quiet.email)).toHaveLength(0);
  });

  it('tells the members of a private group of a new document, not the uploader or outsiders, and digests it daily', async () => {
    const group = await t.fx.group(lead, { visibility: 'private' });
    await t.fx.addMember(group, anna);
    await t.fx.addMember(group, olga);
    // Asked to join, not yet approved: an outsider still.
    await t.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', outsider.auth).expect(202);
    await setPrefs(olga, { documents: 'daily', digestHour: 9 }).expect(200);
    // The lead gets documents at once (and so a mail now); Olga waits for her digest.
    await setPrefs(lead, { documents: 'immediately' }).expect(200);

    const document = await t.fx.document(anna, {
      title: 'Heat <plan> 2030',
      groupId: group.id,
      visibility: 'group',
    });
    const expected = {
      type: 'document_added',
      title: `Anna Author added Heat <plan> 2030 to ${group.name}`,
      data: {
        documentId: document.id,
        documentTitle: 'Heat <plan> 2030',
        workingGroupId: group.id,
        groupName: group.name,
        actorId: anna.id,
        actorName: 'Anna Author',
      },
    };
    const olgas = await eventually(
      () => notifications(olga),
      (list) => list.some((n) => n.type === 'document_added'),
    );
    expect(olgas.filter((n) => n.type === 'document_added')).toEqual([expect.objectContaining(expected)]);
    const leads = await eventually(
      () => notifications(lead),
      (list) => list.some((n) => n.type === 'document_added'),
    );
    expect(leads.filter((n) => n.type === 'document_added')).toEqual([expect.objectContaining(expected)]);
    expect((await notifications(anna)).filter((n) => n.type === 'document_added')).toHaveLength(0);
    expect((await notifications(outsider)).filter((n) => n.type === 'document_added')).toHaveLength(0);

    const leadMail = await smtp.find(
      lead.email,
      (m) => m.parsed.subject === `Anna Author added Heat <plan> 2030 to ${group.name}`,
    );
    expect(leadMail.parsed.text).toContain(`http://portal.test/documents/${document.id}`);
    expect(leadMail.parsed.html).toContain('Heat &lt;plan&gt; 2030');
    expect(headerOf(leadMail, 'List-Unsubscribe')).toMatch(new RegExp(`/api/unsubscribe/${lead.id}\\.documents\\.`));

    // Olga: nothing at once; one digest at 09:00 Moscow time.
    expect(await outbox(olga.email)).toHaveLength(0);
    const now = DateTime.now().setZone('Europe/Moscow');
    let due = now.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    if (due <= now) due = due.plus({ days: 1 });
    await job.runDue(due.minus({ minutes: 1 }).toJSDate());
    expect(await outbox(olga.email)).toHaveLength(0);
    await job.runDue(due.plus({ minutes: 1 }).toJSDate());
    const rows = await outbox(olga.email);
    expect(rows.map((r) => r.kind)).toEqual(['notification_digest']);
    const digest = await smtp.find(olga.email, (m) =>
      (m.parsed.text ?? '').includes('Anna Author добавил(а) документ «Heat <plan> 2030»'),
    );
    expect(digest.parsed.text).toContain(`в группу ${group.name}`);
    expect(digest.parsed.text).toContain(`http://portal.test/documents/${document.id}`);
    expect(headerOf(digest, 'List-Unsubscribe')).toMatch(new RegExp(`/api/unsubscribe/${olga.id}\\.digest\\.`));
  });

  it('tells no one of a document filed under no group', async () => {
    const before = (await notifications(minji)).length;
    await t.fx.document(anna, { title: 'Network note' });
    await t.fx.document(minji, { title: 'Another network note' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await notifications(minji)).toHaveLength(before);
    expect((await notifications(anna)).filter((n) => n.type === 'document_added')).toHaveLength(0);
  });
});

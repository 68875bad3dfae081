import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { TestMember } from '@lcc/testing';
import { NotificationMailService } from '../apps/api/src/modules/notifications/notification-mail.service.js';
import { headerOf, TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('notification e-mail: preferences, quiet hours, digests and one-click unsubscribe over real SMTP', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();
  let author: TestMember;
  let olga: TestMember; // ru, Europe/Moscow
  let sato: TestMember; // ja, Asia/Tokyo, quiet hours
  let bat: TestMember; // mn, Asia/Ulaanbaatar, daily mentions
  let silent: TestMember; // mentions never
  let roomId: string;
  let job: NotificationMailService;

  async function profile(member: TestMember, language: string, timeZone: string): Promise<void> {
    await t.http().patch('/api/members/me').set('Authorization', member.auth).send({ language, timeZone }).expect(200);
  }

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100', NOTIFICATION_MAIL_POLL_INTERVAL_MS: '0' },
    });
    job = t.app.get(NotificationMailService);
    author = await t.fx.member({ displayName: 'Anna Author' });
    olga = await t.fx.member({ displayName: 'Ольга Смирнова' });
    sato = await t.fx.member({ displayName: '佐藤 花子' });
    bat = await t.fx.member({ displayName: 'Батбаяр Дорж' });
    silent = await t.fx.member({ displayName: 'Silent Sam' });
    await profile(olga, 'ru', 'Europe/Moscow');
    await profile(sato, 'ja', 'Asia/Tokyo');
    await profile(bat, 'mn', 'Asia/Ulaanbaatar');
    const room = await t
      .http()
      .post('/api/rooms')
      .set('Authorization', author.auth)
      .send({ kind: 'topic', name: 'Inventories <GHG>', memberIds: [olga.id, sato.id, bat.id, silent.id] })
      .expect(201);
    roomId = room.body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  function say(body: string): Promise<unknown> {
    return t
      .http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', author.auth)
      .send({ clientId: randomUUID(), body })
      .expect(201);
  }

  /** Notification mail written to the outbox for `address` (the outbox row is written with the notification). */
  async function outbox(address: string): Promise<{ kind: string; subject: string; text: string }[]> {
    return t.app
      .get(DataSource)
      .query(
        `SELECT kind, subject, text FROM mail_outbox WHERE to_address = $1 AND kind LIKE 'notification%' ORDER BY created_at`,
        [address],
      );
  }

  const prefs = (member: TestMember) =>
    t.http().get('/api/members/me/notification-preferences').set('Authorization', member.auth);
  const setPrefs = (member: TestMember, body: object) =>
    t.http().put('/api/members/me/notification-preferences').set('Authorization', member.auth).send(body);

  it('reads the defaults and validates changes with field details', async () => {
    await t.http().get('/api/members/me/notification-preferences').expect(401);
    const defaults = await prefs(olga).expect(200);
    expect(defaults.body).toEqual({
      mentions: 'immediately',
      directMessages: 'daily',
      meetings: 'immediately',
      groupRequests: 'daily',
      documents: 'daily',
      digestHour: 8,
      quietHoursStart: null,
      quietHoursEnd: null,
      timeZone: 'Europe/Moscow',
    });
    const bad = await setPrefs(olga, { mentions: 'hourly', digestHour: 24, quietHoursStart: '25:00' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'digestHour',
      'mentions',
      'quietHoursStart',
    ]);
    const half = await setPrefs(olga, { quietHoursStart: '22:00' }).expect(400);
    expect(half.body.details).toEqual([expect.objectContaining({ field: 'quietHoursEnd' })]);
    await setPrefs(olga, { unknown: true }).expect(400);
    // Nothing of the refused bodies was stored.
    expect((await prefs(olga).expect(200)).body).toEqual(defaults.body);
  });

  it("mails a mention at once, in the member's language, with one-click unsubscribe headers", async () => {
    await say('@Ольга Смирнова could you check the <b>waste</b> sector?');
    const mail = await smtp.find(
      olga.email,
      (m) => m.parsed.subject === 'Anna Author упомянул(а) вас в Inventories <GHG>',
    );
    expect(mail.parsed.text).toContain('could you check the <b>waste</b> sector?');
    expect(mail.parsed.text).toContain(`http://portal.test/rooms/${roomId}`);
    expect(mail.parsed.text).toContain('Настройки уведомлений: http://portal.test/settings#notifications');
    expect(mail.parsed.html).toContain('Inventories &lt;GHG&gt;');
    expect(mail.parsed.html).toContain('&lt;b&gt;waste&lt;/b&gt;');
    expect(mail.parsed.html).not.toContain('<b>waste');
    const link = /^<(http:\/\/portal\.test\/api\/unsubscribe\/[^>]+)>$/.exec(headerOf(mail, 'List-Unsubscribe') ?? '');
    expect(link?.[1]).toMatch(new RegExp(`/api/unsubscribe/${olga.id}\\.mentions\\.[A-Za-z0-9_-]{43}$`));
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.parsed.text).toContain(link![1]!);
  });

  it('unsubscribes with a one-click POST, refuses forged links, and later mentions send nothing', async () => {
    const mail = smtp.to(olga.email).find((m) => headerOf(m, 'List-Unsubscribe'))!;
    const url = new URL(/<([^>]+)>/.exec(headerOf(mail, 'List-Unsubscribe')!)![1]!);
    const token = url.pathname.split('/').pop()!;
    const [memberId, kind, signature] = token.split('.') as [string, string, string];

    // Forgeries: another member, another kind, another signature.
    for (const forged of [
      `${author.id}.${kind}.${signature}`,
      `${memberId}.meetings.${signature}`,
      `${memberId}.${kind}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      'not-a-token',
    ]) {
      const refused = await t.http().post(`/api/unsubscribe/${forged}`).type('form').send('List-Unsubscribe=One-Click');
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('UNSUBSCRIBE_LINK_INVALID');
    }

    // Opening the link shows a confirmation in the member's language and changes nothing.
    const page = await t.http().get(url.pathname).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('lang="ru"');
    expect(page.text).toContain(`<form method="post" action="http://portal.test${url.pathname}">`);
    expect((await prefs(olga).expect(200)).body.mentions).toBe('immediately');

    const done = await t.http().post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.body).toEqual({ kind: 'mentions', frequency: 'never' });
    expect((await prefs(olga).expect(200)).body).toMatchObject({ mentions: 'never', meetings: 'immediately' });
    // Idempotent, and a browser posting the page's form gets a page back.
    const again = await t
      .http()
      .post(url.pathname)
      .set('Accept', 'text/html')
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(again.status).toBe(200);
    expect(again.text).toContain('<!doctype html>');

    const before = (await outbox(olga.email)).length;
    await say('@Ольга Смирнова one more question');
    await job.runDue(DateTime.now().plus({ days: 2 }).toJSDate());
    expect(await outbox(olga.email)).toHaveLength(before);
  });

  it('holds immediate mail during quiet hours and releases it when they end', async () => {
    const local = DateTime.now().setZone('Asia/Tokyo').startOf('minute');
    const end = local.plus({ hours: 1 });
    await setPrefs(sato, {
      quietHoursStart: local.minus({ hours: 1 }).toFormat('HH:mm'),
      quietHoursEnd: end.toFormat('HH:mm'),
    }).expect(200);
    await say('@佐藤 花子 please review the transport figures');
    expect(await outbox(sato.email)).toHaveLength(0);
    await job.runDue(end.minus({ minutes: 1 }).toJSDate());
    expect(await outbox(sato.email)).toHaveLength(0);

    await job.runDue(end.plus({ seconds: 1 }).toJSDate());
    const rows = await outbox(sato.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('notification_message_mention');
    const mail = await smtp.find(
      sato.email,
      (m) => m.parsed.subject === 'Anna AuthorさんがInventories <GHG>であなたをメンションしました',
    );
    expect(mail.parsed.text).toContain('please review the transport figures');
    expect(mail.parsed.text).toContain('おやすみ時間');
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Released once.
    await job.runDue(end.plus({ hours: 3 }).toJSDate());
    expect(await outbox(sato.email)).toHaveLength(1);
  });

  it("collects a day's notifications into one digest at the member's local hour, once even when two runs compete", async () => {
    await setPrefs(bat, { mentions: 'daily', digestHour: 20 }).expect(200);
    await say('@Батбаяр Дорж first: the energy balance');
    await say('@Батбаяр Дорж second: the building stock');
    expect(await outbox(bat.email)).toHaveLength(0);
    const now = DateTime.now().setZone('Asia/Ulaanbaatar');
    let due = now.set({ hour: 20, minute: 0, second: 0, millisecond: 0 });
    if (due <= now) due = due.plus({ days: 1 });

    await job.runDue(due.minus({ minutes: 1 }).toJSDate());
    expect(await outbox(bat.email)).toHaveLength(0);
    const at = due.plus({ minutes: 1 }).toJSDate();
    await Promise.all([job.runDue(at), job.runDue(at), job.runDue(at)]);
    const rows = await outbox(bat.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('notification_digest');

    const digest = await smtp.find(
      bat.email,
      (m) => m.parsed.subject === 'LCC түншлэлийн порталын өдөр тутмын тойм (2)',
    );
    const text = digest.parsed.text!;
    expect(text.indexOf('the energy balance')).toBeGreaterThan(0);
    expect(text.indexOf('the building stock')).toBeGreaterThan(text.indexOf('the energy balance'));
    expect(text).toContain('Asia/Ulaanbaatar');
    expect(text).toContain('20:00');
    expect(headerOf(digest, 'List-Unsubscribe')).toMatch(new RegExp(`/api/unsubscribe/${bat.id}\\.digest\\.`));
    expect(headerOf(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // The batch is gone: a later run, or the next day with nothing new, sends nothing more.
    await job.runDue(due.plus({ days: 1, minutes: 1 }).toJSDate());
    expect(await outbox(bat.email)).toHaveLength(1);

    // One-click on the digest link stops every daily kind.
    const url = new URL(/<([^>]+)>/.exec(headerOf(digest, 'List-Unsubscribe')!)![1]!);
    await t.http().post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await prefs(bat).expect(200)).body).toMatchObject({
      mentions: 'never',
      directMessages: 'never',
      groupRequests: 'never',
      documents: 'never',
      meetings: 'immediately',
    });
  });

  it('sends nothing for a kind set to never', async () => {
    await setPrefs(silent, { mentions: 'never' }).expect(200);
    await say('@Silent Sam are you there?');
    await job.runDue(DateTime.now().plus({ days: 2 }).toJSDate());
    expect(await outbox(silent.email)).toHaveLength(0);
    const notifications = await t.http().get('/api/notifications').set('Authorization', silent.auth).expect(200);
    // The in-app notification is written all the same.
    expect(notifications.body.items).toHaveLength(1);
  });
});

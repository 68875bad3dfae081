import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { NotificationResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { RemindersService } from '../apps/api/src/modules/meetings/reminders.service.js';
import { headerOf, TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe("meeting e-mail follows each member's meetings choice and is written with the meeting change", () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();
  let db: DataSource;
  let lead: TestMember;
  let never: TestMember; // meetings: never
  let daily: TestMember; // meetings: daily (calendar mail still at once)
  let plain: TestMember; // defaults (immediately)
  let groupId: string;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100', NOTIFICATION_MAIL_POLL_INTERVAL_MS: '0' },
    });
    db = t.app.get(DataSource);
    lead = await t.fx.member({ role: 'coordinator' });
    never = await t.fx.member({ displayName: 'Never Nadia' });
    daily = await t.fx.member({ displayName: 'Daily Dmitri' });
    plain = await t.fx.member({ displayName: 'Plain Paula' });
    const group = await t
      .http()
      .post('/api/working-groups')
      .set('Authorization', lead.auth)
      .send({ name: 'Heat networks', thematicArea: 'low_carbon_cities', visibility: 'private' })
      .expect(201);
    groupId = group.body.id;
    for (const m of [never, daily, plain]) {
      await t
        .http()
        .post(`/api/working-groups/${groupId}/members`)
        .set('Authorization', lead.auth)
        .send({ memberId: m.id })
        .expect(201);
    }
    await setMeetings(never, 'never');
    await setMeetings(daily, 'daily');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function setMeetings(member: TestMember, meetings: string): Promise<void> {
    await t
      .http()
      .put('/api/members/me/notification-preferences')
      .set('Authorization', member.auth)
      .send({ meetings })
      .expect(200);
  }

  function schedule(title: string, startsAt = '2027-05-10T07:00:00Z', endsAt = '2027-05-10T08:00:00Z') {
    return t
      .http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', lead.auth)
      .send({ title, startsAt, endsAt, timeZone: 'UTC' });
  }

  /** Meeting mail in the outbox for `address` whose subject names `title`, read right after the change answered. */
  async function outbox(address: string, title: string): Promise<{ kind: string; headers: Record<string, string> }[]> {
    return db.query(
      `SELECT kind, headers FROM mail_outbox
        WHERE to_address = $1 AND kind LIKE 'meeting%' AND subject LIKE '%' || $2 || '%' ORDER BY created_at`,
      [address, title],
    );
  }

  async function countOutbox(title: string): Promise<number> {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE '%' || $1 || '%'`, [
      title,
    ])) as { n: number }[];
    return row!.n;
  }

  /** Waits for the in-app notification of `type` about `meetingId` (written after the meeting's commit). */
  async function notification(member: TestMember, type: string, meetingId: string): Promise<NotificationResponse> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const page = await t.http().get('/api/notifications').set('Authorization', member.auth).expect(200);
      const found = (page.body.items as NotificationResponse[]).find(
        (n) => n.type === type && n.data.meetingId === meetingId,
      );
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${type} notification for ${member.email}`);
  }

  it('writes no meeting mail for meetings=never (the notification still comes), and mails daily and default members at once with one-click headers', async () => {
    const created = await schedule('Choice check').expect(201);
    const id: string = created.body.id;

    // Written with the meeting: the rows are there as soon as the change answered.
    expect(await outbox(never.email, 'Choice check')).toEqual([]);
    const [dailyRow] = await outbox(daily.email, 'Choice check');
    expect(dailyRow?.kind).toBe('meeting_request');
    const [plainRow] = await outbox(plain.email, 'Choice check');
    expect(plainRow?.kind).toBe('meeting_request');
    expect(plainRow?.headers['List-Unsubscribe']).toMatch(
      new RegExp(`^<http://portal\\.test/api/unsubscribe/${plain.id}\\.meetings\\.[A-Za-z0-9_-]{43}>$`),
    );

    // The in-app notification does not depend on the e-mail choice.
    await notification(never, 'meeting_invited', id);

    const mail = await smtp.find(plain.email, (mail) => mail.parsed.subject === 'Invitation: Choice check');
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.parsed.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    expect(mail.parsed.text).toContain('http://portal.test/settings#notifications');
    const dailyMail = await smtp.find(daily.email, (mail) => mail.parsed.subject === 'Invitation: Choice check');
    expect(headerOf(dailyMail, 'List-Unsubscribe')).toMatch(new RegExp(`/api/unsubscribe/${daily.id}\\.meetings\\.`));
    expect(smtp.to(never.email).filter((m) => m.parsed.subject?.includes('Choice check'))).toHaveLength(0);
  });

  it("turns meeting mail off with the one-click POST of a meeting mail's header, so the next change mails nobody who chose never", async () => {
    const mail = await smtp.find(plain.email, (mail) => mail.parsed.subject === 'Invitation: Choice check');
    const url = new URL(/<([^>]+)>/.exec(headerOf(mail, 'List-Unsubscribe')!)![1]!);
    const done = await t.http().post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.body).toEqual({ kind: 'meetings', frequency: 'never' });
    const prefs = await t.http().get('/api/members/me/notification-preferences').set('Authorization', plain.auth);
    expect(prefs.body.meetings).toBe('never');

    const [meeting] = (await db.query(`SELECT id FROM meetings WHERE title = 'Choice check'`)) as { id: string }[];
    await t
      .http()
      .patch(`/api/meetings/${meeting!.id}`)
      .set('Authorization', lead.auth)
      .send({ venue: 'Harbin, Room 2' })
      .expect(200);
    expect((await outbox(plain.email, 'Choice check')).map((r) => r.kind)).toEqual(['meeting_request']);
    expect((await outbox(never.email, 'Choice check')).map((r) => r.kind)).toEqual([]);
    expect((await outbox(daily.email, 'Choice check')).map((r) => r.kind)).toEqual([
      'meeting_request',
      'meeting_update',
    ]);
    await notification(plain, 'meeting_updated', meeting!.id);

    await t.http().post(`/api/meetings/${meeting!.id}/cancel`).set('Authorization', lead.auth).expect(200);
    expect((await outbox(plain.email, 'Choice check')).map((r) => r.kind)).toEqual(['meeting_request']);
    expect((await outbox(daily.email, 'Choice check')).map((r) => r.kind)).toEqual([
      'meeting_request',
      'meeting_update',
      'meeting_cancel',
    ]);
    await notification(never, 'meeting_cancelled', meeting!.id);
  });

  it('sends reminders only to those who take meeting mail, with the headers; the in-app reminder reaches everyone', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCSeconds(0, 0);
    const created = await schedule(
      'Reminder choice',
      startsAt.toISOString(),
      new Date(startsAt.getTime() + 3_600_000).toISOString(),
    ).expect(201);
    const id: string = created.body.id;
    for (const m of [never, daily]) {
      await t
        .http()
        .put(`/api/meetings/${id}/rsvp`)
        .set('Authorization', m.auth)
        .send({ response: 'accepted' })
        .expect(200);
    }
    expect(await t.app.get(RemindersService).runDue(new Date(startsAt.getTime() - 24 * 3_600_000 + 1000))).toBe(1);
    const reminders = (address: string) =>
      db.query(`SELECT kind, headers FROM mail_outbox WHERE to_address = $1 AND kind = 'meeting_reminder_24h'`, [
        address,
      ]) as Promise<{ kind: string; headers: Record<string, string> }[]>;
    expect(await reminders(never.email)).toEqual([]);
    const [row] = await reminders(daily.email);
    expect(row?.headers['List-Unsubscribe']).toMatch(new RegExp(`/api/unsubscribe/${daily.id}\\.meetings\\.`));
    expect(row?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The reminder notification is written in the claim's transaction: no waiting needed.
    const page = await t.http().get('/api/notifications').set('Authorization', never.auth).expect(200);
    expect(
      (page.body.items as NotificationResponse[]).some((n) => n.type === 'meeting_reminder' && n.data.meetingId === id),
    ).toBe(true);
  });

  it('commits meeting mail together with the meeting change, or neither', async () => {
    // A meeting change that fails at commit, after its mail was written: no mail.
    await db.query(`CREATE FUNCTION refuse_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await db.query(`CREATE CONSTRAINT TRIGGER refuse_meeting AFTER INSERT OR UPDATE ON meetings
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.title LIKE 'Refused at commit%')
      EXECUTE FUNCTION refuse_meeting()`);
    // An outbox that refuses the mail: no meeting change either.
    await db.query(`CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox refused'; END $$`);
    await db.query(`CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox
      FOR EACH ROW WHEN (NEW.subject LIKE '%Outbox refuses%') EXECUTE FUNCTION refuse_mail()`);
    try {
      await schedule('Refused at commit').expect(500);
      expect(await db.query(`SELECT 1 FROM meetings WHERE title = 'Refused at commit'`)).toEqual([]);
      expect(await countOutbox('Refused at commit')).toBe(0);

      const created = await schedule('Atomic update').expect(201);
      const id: string = created.body.id;
      // Only Dmitri: Nadia chose never, and Paula turned meeting mail off above.
      expect(await countOutbox('Atomic update')).toBe(1);
      await t
        .http()
        .patch(`/api/meetings/${id}`)
        .set('Authorization', lead.auth)
        .send({ title: 'Refused at commit, renamed' })
        .expect(500);
      expect(await countOutbox('Refused at commit')).toBe(0);
      const [stored] = (await db.query(`SELECT title, sequence FROM meetings WHERE id = $1`, [id])) as {
        title: string;
        sequence: number;
      }[];
      expect(stored).toEqual({ title: 'Atomic update', sequence: 0 });

      await t
        .http()
        .patch(`/api/meetings/${id}`)
        .set('Authorization', lead.auth)
        .send({ title: 'Outbox refuses this' })
        .expect(500);
      const [after] = (await db.query(`SELECT title, sequence FROM meetings WHERE id = $1`, [id])) as {
        title: string;
        sequence: number;
      }[];
      expect(after).toEqual({ title: 'Atomic update', sequence: 0 });
      await schedule('Outbox refuses a new meeting').expect(500);
      expect(await db.query(`SELECT 1 FROM meetings WHERE title LIKE 'Outbox refuses%'`)).toEqual([]);

      // The same change without the refusal commits with its mail.
      await t
        .http()
        .patch(`/api/meetings/${id}`)
        .set('Authorization', lead.auth)
        .send({ title: 'Atomic update, renamed' })
        .expect(200);
      expect((await outbox(daily.email, 'Atomic update, renamed')).map((r) => r.kind)).toEqual(['meeting_update']);
    } finally {
      await db.query(`DROP TRIGGER refuse_mail ON mail_outbox`);
      await db.query(`DROP FUNCTION refuse_mail()`);
      await db.query(`DROP TRIGGER refuse_meeting ON meetings`);
      await db.query(`DROP FUNCTION refuse_meeting()`);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { TestMember } from '@lcc/testing';
import { RemindersService } from '../apps/api/src/modules/meetings/reminders.service.js';
import { type ReceivedMail, TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('meeting e-mail with iCalendar attachments over a real SMTP server', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();
  let lead: TestMember;
  let tokyo: TestMember; // ja, Asia/Tokyo
  let moscow: TestMember; // ru, Europe/Moscow
  let outsider: TestMember;
  let groupId: string;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100' } });
    lead = await t.fx.member({ role: 'coordinator' });
    tokyo = await t.fx.member({ displayName: '佐藤 花子' });
    moscow = await t.fx.member({ displayName: 'Ольга Смирнова' });
    outsider = await t.fx.member();
    await t
      .http()
      .patch('/api/members/me')
      .set('Authorization', tokyo.auth)
      .send({ language: 'ja', timeZone: 'Asia/Tokyo' })
      .expect(200);
    await t
      .http()
      .patch('/api/members/me')
      .set('Authorization', moscow.auth)
      .send({ language: 'ru', timeZone: 'Europe/Moscow' })
      .expect(200);
    const group = await t
      .http()
      .post('/api/working-groups')
      .set('Authorization', lead.auth)
      .send({ name: 'Inventories <GHG>', thematicArea: 'low_carbon_cities', visibility: 'private' })
      .expect(201);
    groupId = group.body.id;
    for (const m of [tokyo, moscow]) {
      await t
        .http()
        .post(`/api/working-groups/${groupId}/members`)
        .set('Authorization', lead.auth)
        .send({ memberId: m.id })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const byKind = (address: string, kind: string): ReceivedMail[] =>
    smtp.to(address).filter((m) => m.parsed.text?.includes(kind) || m.parsed.subject?.includes(kind));

  /** Waits until `address` has received `count` mails about `kind`. */
  async function mailsAbout(address: string, kind: string, count: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (byKind(address, kind).length < count) {
      if (Date.now() > deadline) throw new Error(`${address} got ${byKind(address, kind).length} of ${count} mails`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function waitForSubject(address: string, subject: string): Promise<ReceivedMail> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = smtp.to(address).filter((m) => m.parsed.subject === subject);
      if (found.length) return found[0]!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `no "${subject}" to ${address}; got ${smtp
        .to(address)
        .map((m) => m.parsed.subject)
        .join(' | ')}`,
    );
  }

  function calendarOf(mail: ReceivedMail): string {
    const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    if (!attachment) throw new Error('no calendar part');
    return attachment.content.toString('utf8');
  }

  it("invites, updates and cancels with REQUEST/CANCEL, a stable UID and a rising SEQUENCE, in each invitee's language and zone", async () => {
    const created = await t
      .http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', lead.auth)
      .send({
        title: 'Inventory review',
        startsAt: '2027-03-10T07:00:00Z',
        endsAt: '2027-03-10T09:00:00Z',
        timeZone: 'Europe/Moscow',
        venue: 'Vladivostok City Hall',
        agenda: [{ title: 'Opening' }],
      })
      .expect(201);
    const id: string = created.body.id;

    const ja = await waitForSubject(tokyo.email, '会議への招待：Inventory review');
    expect(ja.parsed.to).toMatchObject({ value: [{ address: tokyo.email, name: '佐藤 花子' }] });
    // 07:00 UTC is 16:00 in Tokyo; the body says which zone.
    expect(ja.parsed.text).toMatch(/16:00/);
    expect(ja.parsed.text).toContain('Asia/Tokyo');
    expect(ja.parsed.text).toContain(`http://portal.test/meetings/${id}`);
    expect(ja.parsed.html).toContain('Inventories &lt;GHG&gt;');
    const ru = await waitForSubject(moscow.email, 'Приглашение: Inventory review');
    expect(ru.parsed.text).toMatch(/10:00/);
    // The organiser made the change; outsiders are not invited.
    expect(smtp.to(lead.email).filter((m) => m.parsed.subject?.includes('Inventory review'))).toHaveLength(0);
    expect(smtp.to(outsider.email).filter((m) => m.parsed.subject?.includes('Inventory review'))).toHaveLength(0);

    const request = calendarOf(ja);
    const vcal = new ICAL.Component(ICAL.parse(request));
    expect(vcal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = vcal.getFirstSubcomponent('vevent')!;
    const uid = `${id}@portal.test`;
    expect(vevent.getFirstPropertyValue('uid')).toBe(uid);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      `mailto:member-${lead.id}@portal.test`,
    );
    const attendees = vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees).toEqual(
      expect.arrayContaining([`mailto:member-${tokyo.id}@portal.test`, `mailto:member-${moscow.id}@portal.test`]),
    );
    const parsed = Object.values(nodeIcal.sync.parseICS(request)).find((c) => c?.type === 'VEVENT') as nodeIcal.VEvent;
    expect(parsed.uid).toBe(uid);
    expect(Number(parsed.sequence)).toBe(0);
    expect(new Date(parsed.start).toISOString()).toBe('2027-03-10T07:00:00.000Z');
    expect(JSON.stringify(parsed.organizer)).toContain(`member-${lead.id}@portal.test`);
    expect(([] as nodeIcal.Attendee[]).concat(parsed.attendee ?? [])).toHaveLength(3);
    expect(ja.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    await t
      .http()
      .patch(`/api/meetings/${id}`)
      .set('Authorization', lead.auth)
      .send({ startsAt: '2027-03-11T07:00:00Z', endsAt: '2027-03-11T09:00:00Z' })
      .expect(200);
    const updated = await waitForSubject(tokyo.email, '会議の変更：Inventory review');
    const updatedEvent = new ICAL.Component(ICAL.parse(calendarOf(updated))).getFirstSubcomponent('vevent')!;
    expect(updatedEvent.getFirstPropertyValue('uid')).toBe(uid);
    expect(updatedEvent.getFirstPropertyValue('sequence')).toBe(1);

    // Minutes change nothing in calendars: no mail. (Both updates must be in before counting.)
    await mailsAbout(moscow.email, 'Inventory review', 2);
    await mailsAbout(tokyo.email, 'Inventory review', 2);
    const before = smtp.received.length;
    await t.http().patch(`/api/meetings/${id}`).set('Authorization', lead.auth).send({ minutes: 'Notes' }).expect(200);

    await t.http().post(`/api/meetings/${id}/cancel`).set('Authorization', lead.auth).expect(200);
    const cancelled = await waitForSubject(moscow.email, 'Отменено: Inventory review');
    const cancel = calendarOf(cancelled);
    const cancelCal = new ICAL.Component(ICAL.parse(cancel));
    expect(cancelCal.getFirstPropertyValue('method')).toBe('CANCEL');
    const cancelEvent = cancelCal.getFirstSubcomponent('vevent')!;
    expect(cancelEvent.getFirstPropertyValue('uid')).toBe(uid);
    expect(cancelEvent.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelEvent.getFirstPropertyValue('status')).toBe('CANCELLED');
    const nodeCancel = Object.values(nodeIcal.sync.parseICS(cancel)).find(
      (c) => c?.type === 'VEVENT',
    ) as nodeIcal.VEvent;
    expect([nodeCancel.uid, Number(nodeCancel.sequence)]).toEqual([uid, 2]);
    await waitForSubject(tokyo.email, '会議の中止：Inventory review');
    // The minutes change no calendar: after them, the only calendar mail is the two cancellations (Tokyo and
    // Moscow). The minutes themselves are a `meeting_minutes` notification, mailed as such, without calendar part.
    await waitForSubject(moscow.email, 'Протокол встречи Inventory review (Inventories <GHG>) готов');
    await waitForSubject(tokyo.email, 'Inventory review（Inventories <GHG>）の議事録が更新されました');
    const after = smtp.received.slice(before);
    const withCalendar = after.filter((m) =>
      m.parsed.attachments.some((a) => a.contentType.startsWith('text/calendar')),
    );
    expect(withCalendar.map((m) => m.parsed.subject).sort()).toEqual(
      ['Отменено: Inventory review', '会議の中止：Inventory review'].sort(),
    );
    expect(after).toHaveLength(4);
    expect(byKind(tokyo.email, 'Inventory review')).toHaveLength(4);
  });

  it('sends each reminder by e-mail once, to accepted invitees only, even when two runs compete', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCSeconds(0, 0);
    const created = await t
      .http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', lead.auth)
      .send({
        title: 'Reminder check',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        timeZone: 'UTC',
      })
      .expect(201);
    const id: string = created.body.id;
    await t
      .http()
      .put(`/api/meetings/${id}/rsvp`)
      .set('Authorization', tokyo.auth)
      .send({ response: 'accepted' })
      .expect(200);
    const reminders = t.app.get(RemindersService);
    const dayBefore = new Date(startsAt.getTime() - 24 * 3_600_000 + 1000);
    const claimed = await Promise.all([reminders.runDue(dayBefore), reminders.runDue(dayBefore)]);
    expect(claimed[0] + claimed[1]).toBe(1);
    const mail = await waitForSubject(tokyo.email, 'リマインダー：Reminder checkは24時間後に始まります');
    expect(mail.parsed.text).toContain(`http://portal.test/meetings/${id}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(tokyo.email).filter((m) => m.parsed.subject?.startsWith('リマインダー'))).toHaveLength(1);
    // Moscow did not accept: invited, but no reminder.
    expect(smtp.to(moscow.email).filter((m) => m.parsed.subject?.startsWith('Напоминание'))).toHaveLength(0);
  });
});

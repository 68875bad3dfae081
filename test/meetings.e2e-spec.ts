import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { MeetingResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('meetings: scheduling across time zones, RSVP, changes, calendars', () => {
  let t: TestApp;
  let lead: TestMember; // Europe/Moscow
  let tokyo: TestMember;
  let ulaanbaatar: TestMember;
  let kamchatka: TestMember;
  let groupId: string;

  const setZone = (m: TestMember, timeZone: string) =>
    t.http().patch('/api/members/me').set('Authorization', m.auth).send({ timeZone }).expect(200);
  const schedule = (body: Record<string, unknown>, by: TestMember = lead, group = groupId) =>
    t.http().post(`/api/working-groups/${group}/meetings`).set('Authorization', by.auth).send(body);
  const base = {
    title: 'Expert group meeting on GHG inventories',
    startsAt: '2027-03-10T07:00:00Z',
    endsAt: '2027-03-10T09:00:00Z',
    timeZone: 'Europe/Moscow',
    venue: 'Vladivostok City Hall',
    onlineUrl: 'https://meet.example.org/lcc-egm',
    agenda: [
      { title: 'Opening', presenter: 'Secretariat', durationMinutes: 10 },
      { title: 'Kitakyushu inventory 2025', presenter: 'Kitakyushu City', durationMinutes: 40 },
    ],
  };

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.fx.member({ role: 'coordinator' });
    [tokyo, ulaanbaatar, kamchatka] = [await t.fx.member(), await t.fx.member(), await t.fx.member()];
    await setZone(lead, 'Europe/Moscow');
    await setZone(tokyo, 'Asia/Tokyo');
    await setZone(ulaanbaatar, 'Asia/Ulaanbaatar');
    await setZone(kamchatka, 'Asia/Kamchatka');
    // Sign in again so the actors carry their new zones.
    lead = await t.fx.login(lead.email, lead.password);
    const group = await t.fx.group(lead, {
      name: 'GHG Inventories',
      thematicArea: 'low_carbon_cities',
      visibility: 'private',
    });
    groupId = group.id;
    for (const m of [tokyo, ulaanbaatar]) await t.fx.addMember(group, m);
  });
  afterAll(async () => {
    await t.close();
  });

  it('schedules with group members plus extra invitees, and shows each viewer the time in their own zone', async () => {
    const created = await schedule({ ...base, inviteeIds: [kamchatka.id] });
    expect(created.status).toBe(201);
    const meeting = created.body as MeetingResponse;
    expect(meeting).toMatchObject({
      startsAt: '2027-03-10T07:00:00.000Z',
      endsAt: '2027-03-10T09:00:00.000Z',
      timeZone: 'Europe/Moscow',
      local: { startsAt: '2027-03-10T10:00:00+03:00', endsAt: '2027-03-10T12:00:00+03:00', timeZone: 'Europe/Moscow' },
      status: 'scheduled',
      sequence: 0,
      organizer: { id: lead.id },
    });
    expect(meeting.invitees.map((i) => i.memberId).sort()).toEqual(
      [lead.id, tokyo.id, ulaanbaatar.id, kamchatka.id].sort(),
    );
    expect(meeting.agenda.map((a) => a.title)).toEqual(['Opening', 'Kitakyushu inventory 2025']);

    const seenBy = async (m: TestMember) =>
      (await t.http().get(`/api/meetings/${meeting.id}`).set('Authorization', m.auth).expect(200))
        .body as MeetingResponse;
    expect((await seenBy(tokyo)).local).toEqual({
      startsAt: '2027-03-10T16:00:00+09:00',
      endsAt: '2027-03-10T18:00:00+09:00',
      timeZone: 'Asia/Tokyo',
    });
    expect((await seenBy(ulaanbaatar)).local.startsAt).toBe('2027-03-10T15:00:00+08:00');
    // Kamchatka is an extra invitee from outside the private group: it still sees the meeting.
    expect((await seenBy(kamchatka)).local.startsAt).toBe('2027-03-10T19:00:00+12:00');

    const stored = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM meeting_invitees WHERE meeting_id = $1', [
      meeting.id,
    ]);
    expect(stored[0]!.n).toBe(4);
  });

  it('crosses the date line and DST correctly', async () => {
    const late = (
      await schedule({
        ...base,
        title: 'Late call',
        startsAt: '2027-03-10T13:00:00Z',
        endsAt: '2027-03-10T14:00:00Z',
        inviteeIds: [kamchatka.id],
      })
    ).body;
    const k = await t.http().get(`/api/meetings/${late.id}`).set('Authorization', kamchatka.auth).expect(200);
    expect(k.body.local.startsAt).toBe('2027-03-11T01:00:00+12:00');
    expect(k.body.startsAt).toBe('2027-03-10T13:00:00.000Z');

    const visitor = await t.fx.member();
    await setZone(visitor, 'America/New_York');
    const ny = await t.fx.login(visitor.email, visitor.password);
    const before = (
      await schedule({
        ...base,
        title: 'Before DST',
        startsAt: '2027-03-13T15:00:00Z',
        endsAt: '2027-03-13T16:00:00Z',
        inviteeIds: [ny.id],
      })
    ).body;
    const after = (
      await schedule({
        ...base,
        title: 'After DST',
        startsAt: '2027-03-15T15:00:00Z',
        endsAt: '2027-03-15T16:00:00Z',
        inviteeIds: [ny.id],
      })
    ).body;
    expect((await t.http().get(`/api/meetings/${before.id}`).set('Authorization', ny.auth)).body.local.startsAt).toBe(
      '2027-03-13T10:00:00-05:00',
    );
    expect((await t.http().get(`/api/meetings/${after.id}`).set('Authorization', ny.auth)).body.local.startsAt).toBe(
      '2027-03-15T11:00:00-04:00',
    );
  });

  it('refuses bad input with field details and writes nothing', async () => {
    const count = async () => (await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM meetings'))[0]!.n as number;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, timeZone: 'Asia/Atlantis' }, 'timeZone'],
      [{ ...base, endsAt: '2027-03-10T06:00:00Z' }, 'endsAt'],
      [{ ...base, endsAt: '2027-03-18T07:00:01Z' }, 'endsAt'],
      [{ ...base, startsAt: '2027-03-10T07:00:00' }, 'startsAt'],
      [{ ...base, agenda: Array.from({ length: 101 }, (_, i) => ({ title: `Item ${i}` })) }, 'agenda'],
      [{ ...base, agenda: [{ title: '' }] }, 'agenda[0].title'],
      [{ ...base, inviteeIds: Array.from({ length: 501 }, () => crypto.randomUUID()) }, 'inviteeIds'],
      [{ ...base, inviteeIds: ['00000000-0000-4000-8000-000000000000'] }, 'inviteeIds'],
      [{ ...base, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ ...base, organizerId: lead.id }, 'organizerId'],
    ];
    for (const [body, field] of cases) {
      const response = await schedule(body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const notLead = await schedule(base, tokyo);
    expect(notLead.status).toBe(403);
    const outsider = await schedule(base, kamchatka);
    expect(outsider.status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('takes RSVPs from invitees only; private meetings are 404 to outsiders', async () => {
    const meeting = (await schedule({ ...base, title: 'RSVP check' })).body as MeetingResponse;
    const accepted = await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', tokyo.auth)
      .send({ response: 'accepted' })
      .expect(200);
    expect(accepted.body.myResponse).toBe('accepted');
    const row = await sql(
      t.databaseUrl,
      'SELECT response FROM meeting_invitees WHERE meeting_id = $1 AND member_id = $2',
      [meeting.id, tokyo.id],
    );
    expect(row[0]!.response).toBe('accepted');
    await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', tokyo.auth)
      .send({ response: 'maybe' })
      .expect(400);

    const outsider = await t.fx.member();
    await t.http().get(`/api/meetings/${meeting.id}`).set('Authorization', outsider.auth).expect(404);
    await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', outsider.auth)
      .send({ response: 'accepted' })
      .expect(404);
    await t.http().get(`/api/meetings/${meeting.id}/ics`).set('Authorization', outsider.auth).expect(404);
    const listed = await t.http().get('/api/meetings').set('Authorization', outsider.auth).expect(200);
    expect(listed.body.items.map((m: MeetingResponse) => m.id)).not.toContain(meeting.id);

    // A member who joined after the meeting was scheduled sees it but was not invited.
    const late = await t.fx.member();
    await t
      .http()
      .post(`/api/working-groups/${groupId}/members`)
      .set('Authorization', lead.auth)
      .send({ memberId: late.id })
      .expect(201);
    await t.http().get(`/api/meetings/${meeting.id}`).set('Authorization', late.auth).expect(200);
    const notInvited = await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', late.auth)
      .send({ response: 'accepted' })
      .expect(403);
    expect(notInvited.body.code).toBe('NOT_INVITED');
  });

  it('warns the organiser when an invitee already accepted an overlapping meeting', async () => {
    const first = (
      await schedule({ ...base, title: 'First', startsAt: '2027-04-01T05:00:00Z', endsAt: '2027-04-01T07:00:00Z' })
    ).body;
    await t
      .http()
      .put(`/api/meetings/${first.id}/rsvp`)
      .set('Authorization', ulaanbaatar.auth)
      .send({ response: 'accepted' })
      .expect(200);
    const second = (
      await schedule({ ...base, title: 'Second', startsAt: '2027-04-01T06:00:00Z', endsAt: '2027-04-01T08:00:00Z' })
    ).body as MeetingResponse;
    expect(second.conflicts).toEqual([
      {
        memberId: ulaanbaatar.id,
        displayName: expect.any(String),
        startsAt: '2027-04-01T05:00:00.000Z',
        endsAt: '2027-04-01T07:00:00.000Z',
      },
    ]);
    const asInvitee = await t.http().get(`/api/meetings/${second.id}`).set('Authorization', tokyo.auth).expect(200);
    expect(asInvitee.body.conflicts).toEqual([]);
  });

  it('updates bump the sequence, minutes and action items are kept, cancel is final', async () => {
    const meeting = (await schedule({ ...base, title: 'To change' })).body as MeetingResponse;
    await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', tokyo.auth)
      .send({ title: 'Hijack' })
      .expect(403);
    const moved = await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ startsAt: '2027-03-11T07:00:00Z', endsAt: '2027-03-11T09:00:00Z' })
      .expect(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsAt: '2027-03-11T07:00:00.000Z' });
    await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ endsAt: '2027-03-11T06:00:00Z' })
      .expect(400);
    const minutes = await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({
        minutes: 'Agreed to share inventories by June.',
        actionItems: [{ text: 'Send template', ownerId: tokyo.id, dueDate: '2027-04-01' }],
      })
      .expect(200);
    expect(minutes.body.sequence).toBe(1);
    expect(minutes.body.minutes).toBe('Agreed to share inventories by June.');
    expect(minutes.body.actionItems).toEqual([
      { id: expect.any(String), text: 'Send template', ownerId: tokyo.id, dueDate: '2027-04-01', done: false },
    ]);

    const cancelled = await t
      .http()
      .post(`/api/meetings/${meeting.id}/cancel`)
      .set('Authorization', lead.auth)
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    await t.http().post(`/api/meetings/${meeting.id}/cancel`).set('Authorization', lead.auth).expect(409);
    const rsvp = await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', tokyo.auth)
      .send({ response: 'accepted' })
      .expect(409);
    expect(rsvp.body.code).toBe('MEETING_CANCELLED');
  });

  it('links documents; each keeps its own visibility', async () => {
    const meeting = (await schedule({ ...base, title: 'With documents', inviteeIds: [kamchatka.id] }))
      .body as MeetingResponse;
    const minutes = await t.fx.document(lead, {
      title: 'Minutes of the EGM',
      kind: 'minutes',
      visibility: 'group',
      groupId,
      filename: 'minutes.txt',
    });
    const linked = await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ documentIds: [minutes.id] })
      .expect(200);
    expect(linked.body.documents).toEqual([{ documentId: minutes.id, title: 'Minutes of the EGM' }]);
    expect(linked.body.sequence).toBe(0);
    // Kamchatka is an invitee from outside the private group: the meeting shows the link, not the title.
    const seen = await t.http().get(`/api/meetings/${meeting.id}`).set('Authorization', kamchatka.auth).expect(200);
    expect(seen.body.documents).toEqual([{ documentId: minutes.id, title: null }]);
    await t.http().get(`/api/documents/${minutes.id}`).set('Authorization', kamchatka.auth).expect(404);
    const bad = await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ documentIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(bad.body.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('exports iCalendar that ical.js and node-ical both parse: UID, SEQUENCE, STATUS, attendees, VTIMEZONE, agenda', async () => {
    const meeting = (await schedule({ ...base, title: 'Calendar check', inviteeIds: [kamchatka.id] }))
      .body as MeetingResponse;
    await t
      .http()
      .put(`/api/meetings/${meeting.id}/rsvp`)
      .set('Authorization', tokyo.auth)
      .send({ response: 'tentative' })
      .expect(200);
    await t
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({ venue: 'Online only' })
      .expect(200);
    const response = await t.http().get(`/api/meetings/${meeting.id}/ics`).set('Authorization', tokyo.auth).expect(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const text = response.text;

    const vcalendar = new ICAL.Component(ICAL.parse(text));
    expect(vcalendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Moscow');
    const vevent = vcalendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${meeting.id}@portal.test`);
    expect(event.sequence).toBe(1);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-10T07:00:00.000Z');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Moscow');
    expect(event.description).toContain('2. Kitakyushu inventory 2025 (Kitakyushu City, 40 min)');
    const partstats = Object.fromEntries(
      vevent
        .getAllProperties('attendee')
        .map((p) => [String(p.getFirstValue()).toLowerCase(), p.getParameter('partstat')]),
    );
    expect(partstats[`mailto:member-${tokyo.id}@portal.test`]).toBe('TENTATIVE');
    expect(partstats[`mailto:member-${kamchatka.id}@portal.test`]).toBe('NEEDS-ACTION');
    expect(Object.keys(partstats)).toHaveLength(meeting.invitees.length);

    const parsed = nodeIcal.sync.parseICS(text);
    const nodeEvent = Object.values(parsed).find((c) => c?.type === 'VEVENT') as nodeIcal.VEvent;
    expect(nodeEvent.uid).toBe(`${meeting.id}@portal.test`);
    expect(Number(nodeEvent.sequence)).toBe(1);
    expect(nodeEvent.status).toBe('CONFIRMED');
    expect(new Date(nodeEvent.start).toISOString()).toBe('2027-03-10T07:00:00.000Z');
    const attendees = ([] as nodeIcal.Attendee[]).concat(nodeEvent.attendee ?? []);
    expect(attendees).toHaveLength(meeting.invitees.length);

    await t.http().post(`/api/meetings/${meeting.id}/cancel`).set('Authorization', lead.auth).expect(200);
    const cancelled = await t
      .http()
      .get(`/api/meetings/${meeting.id}/ics`)
      .set('Authorization', tokyo.auth)
      .expect(200);
    const cancelledEvent = new ICAL.Component(ICAL.parse(cancelled.text)).getFirstSubcomponent('vevent')!;
    expect(cancelledEvent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelledEvent.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('serves a private calendar feed by secret URL; rotating revokes the old URL', async () => {
    const feed = await t.http().get('/api/calendar/feed').set('Authorization', kamchatka.auth).expect(200);
    expect(feed.body.url).toMatch(/^http:\/\/portal\.test\/api\/calendar\/feeds\/[\w-]+\.[\w-]+\.ics$/);
    const path = new URL(feed.body.url).pathname;
    const ics = await t.http().get(path).expect(200);
    const events = Object.values(nodeIcal.sync.parseICS(ics.text)).filter(
      (c) => c?.type === 'VEVENT',
    ) as nodeIcal.VEvent[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.summary)).toContain('Late call');
    const vcalendar = new ICAL.Component(ICAL.parse(ics.text));
    expect(vcalendar.getAllSubcomponents('vevent').length).toBe(events.length);

    const again = await t.http().get('/api/calendar/feed').set('Authorization', kamchatka.auth).expect(200);
    expect(again.body.url).toBe(feed.body.url);
    const rotated = await t.http().post('/api/calendar/feed/rotate').set('Authorization', kamchatka.auth).expect(200);
    expect(rotated.body.url).not.toBe(feed.body.url);
    await t.http().get(path).expect(404);
    await t.http().get(new URL(rotated.body.url).pathname).expect(200);
    const forged = await t.http().get('/api/calendar/feeds/forged.token.ics').expect(404);
    expect(forged.headers['content-type']).toContain('application/json');
    expect(forged.body.code).toBe('CALENDAR_FEED_NOT_FOUND');
    const [payload] = path.split('/').pop()!.split('.');
    await t.http().get(`/api/calendar/feeds/${payload}.AAAA.ics`).expect(404);
    await t.http().get('/api/calendar/feed').expect(401);
  });

  it('lists meetings by range, by group and mine', async () => {
    const inRange = await t
      .http()
      .get('/api/meetings')
      .query({ from: '2027-03-10T00:00:00Z', to: '2027-03-11T00:00:00Z' })
      .set('Authorization', kamchatka.auth)
      .expect(200);
    for (const m of inRange.body.items as MeetingResponse[]) {
      expect(m.endsAt > '2027-03-10T00:00:00.000Z' && m.startsAt < '2027-03-11T00:00:00.000Z').toBe(true);
    }
    const mine = await t
      .http()
      .get('/api/meetings')
      .query({ mine: true, limit: 2 })
      .set('Authorization', kamchatka.auth)
      .expect(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.nextCursor).toEqual(expect.any(String));
    const next = await t
      .http()
      .get('/api/meetings')
      .query({ mine: true, limit: 2, cursor: mine.body.nextCursor })
      .set('Authorization', kamchatka.auth)
      .expect(200);
    expect(next.body.items[0].startsAt >= mine.body.items[1].startsAt).toBe(true);
    const byGroup = await t
      .http()
      .get('/api/meetings')
      .query({ workingGroupId: groupId, limit: 100 })
      .set('Authorization', tokyo.auth)
      .expect(200);
    expect(byGroup.body.items.length).toBeGreaterThanOrEqual(5);
    await t.http().get('/api/meetings').query({ from: 'yesterday' }).set('Authorization', tokyo.auth).expect(400);
  });
});

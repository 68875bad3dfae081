import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodeIcal from 'node-ical';
import type { MeetingResponse, NotificationResponse, PollResponse, PollSummaryResponse } from '@lcc/contracts';
import { connectSocket, type PortalClient, type TestMember, waitForEvent } from '@lcc/testing';
import { PollRemindersService } from '../apps/api/src/modules/meetings/poll-reminders.service.js';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Members of the six member states, each in their own zone. */
const PEOPLE = [
  { key: 'moscow', country: 'RU', timeZone: 'Europe/Moscow' },
  { key: 'beijing', country: 'CN', timeZone: 'Asia/Shanghai' },
  { key: 'ulaanbaatar', country: 'MN', timeZone: 'Asia/Ulaanbaatar' },
  { key: 'seoul', country: 'KR', timeZone: 'Asia/Seoul' },
  { key: 'tokyo', country: 'JP', timeZone: 'Asia/Tokyo' },
  { key: 'pyongyang', country: 'KP', timeZone: 'Asia/Pyongyang' },
] as const;
type Key = (typeof PEOPLE)[number]['key'];

describe('scheduling polls: from a private group to everyone’s calendar', () => {
  let t: TestApp;
  let coordinator: TestMember;
  let groupId: string;
  const people = {} as Record<Key, TestMember>;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.fx.member({ role: 'coordinator', country: 'KR' });
    await t
      .http()
      .patch('/api/members/me')
      .set('Authorization', coordinator.auth)
      .send({ timeZone: 'Asia/Seoul' })
      .expect(200);
    coordinator = await t.fx.login(coordinator.email, coordinator.password);
    ({ id: groupId } = await t.fx.group(coordinator, {
      name: 'Expert Group on Eco-Labelling',
      thematicArea: 'eco_labelling',
      visibility: 'private',
    }));
    // Invited into the network and the group at once, through the API alone.
    for (const person of PEOPLE) {
      const email = t.fx.email(person.key);
      const invitation = await t
        .http()
        .post('/api/invitations')
        .set('Authorization', coordinator.auth)
        .send({ email, workingGroupId: groupId })
        .expect(201);
      await t.fx.register({
        email,
        password: 'Expert-pass-2027',
        invitationToken: invitation.body.token,
        country: person.country,
        timeZone: person.timeZone,
      });
      people[person.key] = await t.fx.login(email, 'Expert-pass-2027');
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const createPoll = (body: Record<string, unknown>, by: TestMember = coordinator) =>
    t.http().post(`/api/working-groups/${groupId}/polls`).set('Authorization', by.auth).send(body);

  it('shows every participant each slot in local time, with off-hours, weekend and holiday flags', async () => {
    const poll = (
      await createPoll({
        title: 'Eco-labelling EGM',
        timeZone: 'Asia/Seoul',
        options: [
          { startsAt: '2027-07-12T02:00:00Z', endsAt: '2027-07-12T04:00:00Z' }, // Monday; Naadam in Mongolia
          { startsAt: '2027-07-14T07:00:00Z', endsAt: '2027-07-14T09:00:00Z' }, // Wednesday afternoon in the east
          { startsAt: '2027-07-17T07:00:00Z', endsAt: '2027-07-17T09:00:00Z' }, // Saturday
        ],
      }).expect(201)
    ).body as PollResponse;
    expect(poll.options).toHaveLength(3);
    expect(poll.options[0]!.local).toEqual({
      startsAt: '2027-07-12T11:00:00+09:00',
      endsAt: '2027-07-12T13:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    const of = (optionIndex: number, key: Key) =>
      poll.options[optionIndex]!.participants.find((p) => p.memberId === people[key].id)!;

    expect(of(0, 'ulaanbaatar')).toMatchObject({
      country: 'MN',
      holiday: { name: expect.stringMatching(/naadam/i) },
      offHours: false,
    });
    expect(of(0, 'ulaanbaatar').local.startsAt).toBe('2027-07-12T10:00:00+08:00');
    expect(of(0, 'moscow')).toMatchObject({ offHours: true, holiday: null, weekend: false });
    expect(of(0, 'moscow').local.startsAt).toBe('2027-07-12T05:00:00+03:00');
    expect(of(0, 'tokyo')).toMatchObject({ offHours: false, weekend: false });
    expect(of(1, 'moscow').offHours).toBe(false);
    expect(of(1, 'tokyo').offHours).toBe(false); // 16:00–18:00 in Tokyo
    expect(of(2, 'seoul').weekend).toBe(true);
    expect(of(0, 'pyongyang').local.startsAt).toBe('2027-07-12T11:00:00+09:00');
    expect(poll.options[0]!.participants).toHaveLength(7);
  });

  it('flags a known public holiday in each of the six countries', async () => {
    const holidays: [Key, string][] = [
      ['beijing', '2027-10-01T02:00:00Z'],
      ['tokyo', '2027-05-03T02:00:00Z'],
      ['seoul', '2027-08-15T02:00:00Z'],
      ['moscow', '2027-06-12T09:00:00Z'],
      ['ulaanbaatar', '2027-07-11T02:00:00Z'],
      ['pyongyang', '2027-09-09T02:00:00Z'],
    ];
    const poll = (
      await createPoll({
        title: 'Holiday check',
        timeZone: 'UTC',
        options: holidays.map(([, startsAt]) => ({
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString(),
        })),
      }).expect(201)
    ).body as PollResponse;
    // Slots come back earliest first, whatever the order they were given in.
    const slotAt = (startsAt: string) => poll.options.find((o) => o.startsAt === new Date(startsAt).toISOString())!;
    holidays.forEach(([key, startsAt]) => {
      const participant = slotAt(startsAt).participants.find((p) => p.memberId === people[key].id)!;
      expect({ key, holiday: participant.holiday }).toEqual({ key, holiday: { name: expect.any(String) } });
    });
    // And not for the others on Japan's Constitution Day.
    const tokyoDay = slotAt('2027-05-03T02:00:00Z').participants.find((p) => p.memberId === people.moscow.id)!;
    expect(tokyoDay.holiday).toBeNull();
  });

  it('counts votes (a second vote replaces the first), refuses outsiders, bad slots and closed polls', async () => {
    const poll = (
      await createPoll({
        title: 'Vote check',
        timeZone: 'Asia/Seoul',
        options: [
          { startsAt: '2027-09-01T01:00:00Z', endsAt: '2027-09-01T03:00:00Z' },
          { startsAt: '2027-09-02T01:00:00Z', endsAt: '2027-09-02T03:00:00Z' },
        ],
      }).expect(201)
    ).body as PollResponse;
    const [a, b] = poll.options.map((o) => o.id) as [string, string];
    const vote = (m: TestMember, votes: unknown[]) =>
      t.http().put(`/api/polls/${poll.id}/votes`).set('Authorization', m.auth).send({ votes });

    await vote(people.tokyo, [
      { optionId: a, answer: 'yes' },
      { optionId: b, answer: 'no' },
    ]).expect(200);
    await vote(people.seoul, [{ optionId: a, answer: 'if_need_be' }]).expect(200);
    const replaced = await vote(people.tokyo, [{ optionId: b, answer: 'yes' }]).expect(200);
    expect(replaced.body.options[0].counts).toEqual({ yes: 1, if_need_be: 1, no: 0 });
    expect(replaced.body.options[1].counts).toEqual({ yes: 1, if_need_be: 0, no: 0 });
    expect(replaced.body.myVotes).toEqual(
      expect.arrayContaining([
        { optionId: a, answer: 'yes' },
        { optionId: b, answer: 'yes' },
      ]),
    );
    const stored = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = $1', [poll.id]);
    expect(stored[0]!.n).toBe(3);

    const bad = await vote(people.tokyo, [{ optionId: a, answer: 'maybe' }]).expect(400);
    expect(bad.body.details[0].field).toBe('votes[0].answer');
    const foreign = await vote(people.tokyo, [
      { optionId: '00000000-0000-4000-8000-000000000000', answer: 'yes' },
    ]).expect(400);
    expect(foreign.body.code).toBe('POLL_OPTION_NOT_FOUND');
    const outsider = await t.fx.member();
    await vote(outsider, [{ optionId: a, answer: 'yes' }]).expect(404);
    await t.http().get(`/api/polls/${poll.id}`).set('Authorization', outsider.auth).expect(404);

    await t
      .http()
      .post(`/api/polls/${poll.id}/close`)
      .set('Authorization', people.tokyo.auth)
      .send({ optionId: a })
      .expect(403);
    await t
      .http()
      .post(`/api/polls/${poll.id}/close`)
      .set('Authorization', coordinator.auth)
      .send({ optionId: a })
      .expect(201);
    const closed = await vote(people.seoul, [{ optionId: b, answer: 'yes' }]).expect(409);
    expect(closed.body.code).toBe('POLL_CLOSED');
    await t
      .http()
      .post(`/api/polls/${poll.id}/close`)
      .set('Authorization', coordinator.auth)
      .send({ optionId: b })
      .expect(409);
  });

  it("lists the group's polls newest first, with my answer state and a status filter; outsiders get 404", async () => {
    const slots = [{ startsAt: '2027-10-04T01:00:00Z', endsAt: '2027-10-04T02:00:00Z' }];
    const first = (await createPoll({ title: 'List A', timeZone: 'Asia/Seoul', options: slots }).expect(201))
      .body as PollResponse;
    const second = (
      await createPoll({ title: 'List B', timeZone: 'Asia/Seoul', options: [...slots, ...slots] }).expect(201)
    ).body as PollResponse;
    await t
      .http()
      .put(`/api/polls/${first.id}/votes`)
      .set('Authorization', people.tokyo.auth)
      .send({ votes: [{ optionId: first.options[0]!.id, answer: 'yes' }] })
      .expect(200);
    const list = async (m: TestMember, query = '') =>
      (await t.http().get(`/api/working-groups/${groupId}/polls?limit=100${query}`).set('Authorization', m.auth))
        .body as { items: { id: string; title: string; optionCount: number; answeredByMe: boolean }[] };
    const mine = (await list(people.tokyo)).items.filter((p) => p.title.startsWith('List '));
    expect(mine).toEqual([
      expect.objectContaining({ id: second.id, optionCount: 2, answeredByMe: false, status: 'open' }),
      expect.objectContaining({ id: first.id, optionCount: 1, answeredByMe: true, status: 'open' }),
    ]);
    const paged = await t
      .http()
      .get(`/api/working-groups/${groupId}/polls?limit=1`)
      .set('Authorization', people.tokyo.auth)
      .expect(200);
    const next = await t
      .http()
      .get(`/api/working-groups/${groupId}/polls?limit=1&cursor=${paged.body.nextCursor}`)
      .set('Authorization', people.tokyo.auth)
      .expect(200);
    expect(next.body.items[0].id).not.toBe(paged.body.items[0].id);
    expect((await list(people.tokyo, '&status=closed')).items.map((p) => p.id)).not.toContain(first.id);
    await t
      .http()
      .get(`/api/working-groups/${groupId}/polls?status=maybe`)
      .set('Authorization', people.tokyo.auth)
      .expect(400);
    const outsider = await t.fx.member();
    await t.http().get(`/api/working-groups/${groupId}/polls`).set('Authorization', outsider.auth).expect(404);
  });

  it('refuses bad polls with field details and writes nothing', async () => {
    const before = (await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM polls'))[0]!.n;
    const slot = { startsAt: '2027-09-01T01:00:00Z', endsAt: '2027-09-01T03:00:00Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x', timeZone: 'Asia/Seoul', options: [] }, 'options'],
      [{ title: 'x', timeZone: 'Asia/Seoul', options: Array.from({ length: 31 }, () => slot) }, 'options'],
      [{ title: 'x', timeZone: 'Nowhere/Place', options: [slot] }, 'timeZone'],
      [
        { title: 'x', timeZone: 'Asia/Seoul', options: [{ startsAt: slot.endsAt, endsAt: slot.startsAt }] },
        'options[0].endsAt',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await createPoll(body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    await createPoll({ title: 'x', timeZone: 'Asia/Seoul', options: [slot] }, people.tokyo).expect(403);
    expect((await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM polls'))[0]!.n).toBe(before);
  });

  it('suggests the best slots for the group in a range', async () => {
    const response = await t
      .http()
      .get(`/api/working-groups/${groupId}/slot-suggestions`)
      .query({ from: '2027-09-06T00:00:00Z', to: '2027-09-08T00:00:00Z', durationMinutes: 120, limit: 3 })
      .set('Authorization', people.seoul.auth)
      .expect(200);
    expect(response.body).toHaveLength(3);
    const [best] = response.body as { startsAt: string; conflicts: number; participantsOk: number }[];
    expect(best!.conflicts).toBeLessThanOrEqual(response.body[2].conflicts);
    expect(best!.conflicts + best!.participantsOk).toBe(7);
    await t
      .http()
      .get(`/api/working-groups/${groupId}/slot-suggestions`)
      .query({ from: '2027-09-06T00:00:00Z', to: '2027-10-06T00:00:00Z', durationMinutes: 120 })
      .set('Authorization', people.seoul.auth)
      .expect(400);
    const outsider = await t.fx.member();
    await t
      .http()
      .get(`/api/working-groups/${groupId}/slot-suggestions`)
      .query({ from: '2027-09-06T00:00:00Z', to: '2027-09-08T00:00:00Z', durationMinutes: 120 })
      .set('Authorization', outsider.auth)
      .expect(404);
  });

  it('closing on the winning slot creates the meeting, and every invitee’s feed shows it at their local time', async () => {
    const poll = (
      await createPoll({
        title: 'Eco-labelling EGM: final',
        timeZone: 'Asia/Seoul',
        options: [
          { startsAt: '2027-09-15T06:00:00Z', endsAt: '2027-09-15T08:00:00Z' },
          { startsAt: '2027-09-16T06:00:00Z', endsAt: '2027-09-16T08:00:00Z' },
        ],
      }).expect(201)
    ).body as PollResponse;
    for (const person of PEOPLE) {
      await t
        .http()
        .put(`/api/polls/${poll.id}/votes`)
        .set('Authorization', people[person.key].auth)
        .send({ votes: [{ optionId: poll.options[1]!.id, answer: 'yes' }] })
        .expect(200);
    }
    const meeting = (
      await t
        .http()
        .post(`/api/polls/${poll.id}/close`)
        .set('Authorization', coordinator.auth)
        .send({ optionId: poll.options[1]!.id })
        .expect(201)
    ).body as MeetingResponse;
    expect(meeting).toMatchObject({
      title: 'Eco-labelling EGM: final',
      startsAt: '2027-09-16T06:00:00.000Z',
      timeZone: 'Asia/Seoul',
    });
    expect(meeting.invitees).toHaveLength(7);
    const after = await t.http().get(`/api/polls/${poll.id}`).set('Authorization', people.tokyo.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'closed', meetingId: meeting.id });

    const expectedLocal: Record<Key, string> = {
      moscow: '2027-09-16T09:00:00+03:00',
      beijing: '2027-09-16T14:00:00+08:00',
      ulaanbaatar: '2027-09-16T14:00:00+08:00',
      seoul: '2027-09-16T15:00:00+09:00',
      tokyo: '2027-09-16T15:00:00+09:00',
      pyongyang: '2027-09-16T15:00:00+09:00',
    };
    for (const person of PEOPLE) {
      const member = people[person.key];
      const seen = await t.http().get(`/api/meetings/${meeting.id}`).set('Authorization', member.auth).expect(200);
      expect({ who: person.key, local: seen.body.local.startsAt }).toEqual({
        who: person.key,
        local: expectedLocal[person.key],
      });
      const feed = await t.http().get('/api/calendar/feed').set('Authorization', member.auth).expect(200);
      const ics = await t.http().get(new URL(feed.body.url).pathname).expect(200);
      const event = Object.values(nodeIcal.sync.parseICS(ics.text)).find(
        (c) => c?.type === 'VEVENT' && c.summary === 'Eco-labelling EGM: final',
      ) as nodeIcal.VEvent;
      expect(new Date(event.start).toISOString()).toBe('2027-09-16T06:00:00.000Z');
      expect(event.start.tz).toBe('Asia/Seoul');
    }
  });

  describe('polls that decide', () => {
    const inbox = async (member: TestMember, type: string) =>
      (
        (await t.http().get('/api/notifications').set('Authorization', member.auth).expect(200)).body
          .items as NotificationResponse[]
      ).filter((n) => n.type === type);
    const vote = (pollId: string, m: TestMember, votes: unknown[]) =>
      t.http().put(`/api/polls/${pollId}/votes`).set('Authorization', m.auth).send({ votes });

    it('sorts the slots, names the best one and who has not answered, and pushes every vote live to the group', async () => {
      const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
      const poll = (
        await createPoll({
          title: 'Autumn meeting',
          timeZone: 'Asia/Seoul',
          deadline,
          options: [
            { startsAt: '2027-10-05T01:00:00Z', endsAt: '2027-10-05T03:00:00Z' },
            { startsAt: '2027-10-04T01:00:00Z', endsAt: '2027-10-04T03:00:00Z' },
            { startsAt: '2027-10-06T01:00:00Z', endsAt: '2027-10-06T03:00:00Z' },
          ],
        }).expect(201)
      ).body as PollResponse;
      expect(poll.options.map((o) => o.startsAt)).toEqual([
        '2027-10-04T01:00:00.000Z',
        '2027-10-05T01:00:00.000Z',
        '2027-10-06T01:00:00.000Z',
      ]);
      expect(poll).toMatchObject({ deadline: new Date(deadline).toISOString(), votingOpen: true, bestOptionId: null });
      expect(poll.notAnswered.map((m) => m.memberId).sort()).toEqual(
        [coordinator.id, ...PEOPLE.map((p) => people[p.key].id)].sort(),
      );

      // Everyone in the group but its author hears that it opened; it waits on their home page.
      const opened = await inbox(people.moscow, 'poll_opened');
      expect(opened[0]!.data).toMatchObject({ pollId: poll.id, pollTitle: 'Autumn meeting', actorId: coordinator.id });
      expect(await inbox(coordinator, 'poll_opened')).toEqual([]);
      const mine = (await t.http().get('/api/polls').set('Authorization', people.moscow.auth).expect(200))
        .body as PollSummaryResponse[];
      expect(mine.find((p) => p.id === poll.id)).toMatchObject({
        answeredByMe: false,
        groupName: 'Expert Group on Eco-Labelling',
        deadline: new Date(deadline).toISOString(),
      });

      const [oct4, oct5, oct6] = poll.options.map((o) => o.id) as [string, string, string];
      const watcher: PortalClient = await connectSocket(t.url, people.seoul.accessToken);
      try {
        const live = waitForEvent(watcher, 'poll.updated', (p) => p.pollId === poll.id);
        await vote(poll.id, people.tokyo, [
          { optionId: oct4, answer: 'no' },
          { optionId: oct5, answer: 'yes' },
          { optionId: oct6, answer: 'if_need_be' },
        ]).expect(200);
        expect(await live).toEqual({ pollId: poll.id, workingGroupId: groupId });
      } finally {
        watcher.close();
      }
      await vote(poll.id, people.moscow, [
        { optionId: oct4, answer: 'yes' },
        { optionId: oct6, answer: 'yes' },
      ]).expect(200);
      const now = (await t.http().get(`/api/polls/${poll.id}`).set('Authorization', coordinator.auth))
        .body as PollResponse;
      // Oct 6: yes + if need be (3), no "no"; Oct 4 and 5 score 2 each.
      expect(now.bestOptionId).toBe(oct6);
      expect(now.notAnswered.map((m) => m.memberId)).not.toContain(people.tokyo.id);
      expect(now.notAnswered).toHaveLength(PEOPLE.length + 1 - 2);
    });

    it('reminds once, a day before the deadline, only those who have not answered, and stops answers at the deadline', async () => {
      const deadline = new Date(Date.now() + 30 * 3600 * 1000);
      const poll = (
        await createPoll({
          title: 'Deadline poll',
          timeZone: 'Asia/Seoul',
          deadline: deadline.toISOString(),
          options: [{ startsAt: '2027-11-01T01:00:00Z', endsAt: '2027-11-01T03:00:00Z' }],
        }).expect(201)
      ).body as PollResponse;
      await vote(poll.id, people.beijing, [{ optionId: poll.options[0]!.id, answer: 'yes' }]).expect(200);
      const reminders = t.app.get(PollRemindersService);
      const reminded = async (m: TestMember) =>
        (await inbox(m, 'poll_reminder')).filter((n) => n.data.pollId === poll.id).length;

      await reminders.runDue(new Date(deadline.getTime() - 25 * 3600 * 1000));
      expect(await reminded(people.seoul)).toBe(0);
      await reminders.runDue(new Date(deadline.getTime() - 23 * 3600 * 1000));
      await reminders.runDue(new Date(deadline.getTime() - 22 * 3600 * 1000));
      expect(await reminded(people.seoul)).toBe(1);
      expect(await reminded(people.beijing)).toBe(0);

      // Past the deadline, answers are refused and the poll says so; the organiser still closes it on a slot.
      await sql(t.databaseUrl, `UPDATE polls SET deadline = now() - interval '1 minute' WHERE id = $1`, [poll.id]);
      const late = await vote(poll.id, people.seoul, [{ optionId: poll.options[0]!.id, answer: 'yes' }]).expect(409);
      expect(late.body.code).toBe('POLL_CLOSED');
      const after = (await t.http().get(`/api/polls/${poll.id}`).set('Authorization', people.seoul.auth))
        .body as PollResponse;
      expect(after).toMatchObject({ status: 'open', votingOpen: false });

      const past = await createPoll({
        title: 'Too late',
        timeZone: 'Asia/Seoul',
        deadline: '2020-01-01T00:00:00Z',
        options: [{ startsAt: '2027-11-01T01:00:00Z', endsAt: '2027-11-01T03:00:00Z' }],
      }).expect(400);
      expect(past.body.details).toEqual([expect.objectContaining({ field: 'deadline' })]);
    });
  });
});

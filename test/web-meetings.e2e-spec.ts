import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { MeetingResponse, PollResponse, WorkingGroupResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

const main = (page: Page) => page.locator('main');

/** `YYYY-MM-DD` of an instant in a zone. */
function dayIn(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** A Tuesday, Wednesday or Thursday two to three weeks ahead in Seoul: a working day in Tokyo and Moscow too. */
function midweekDayAhead(): string {
  for (let days = 14; ; days += 1) {
    const instant = Date.now() + days * 24 * 3600_000;
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', weekday: 'short' }).format(instant);
    if (['Tue', 'Wed', 'Thu'].includes(weekday)) return dayIn(instant, 'Asia/Seoul');
  }
}

describeInBrowser('web portal: meetings and polls', () => {
  let portal: BrowserPortal;
  let lead: TestMember;
  let tokyo: TestMember;
  let moscow: TestMember;
  let group: WorkingGroupResponse;
  const day = midweekDayAhead();
  const pollTitle = 'Expert group on city heat inventories';
  let pollId: string;
  let meetingId: string;

  beforeAll(async () => {
    portal = await startBrowserPortal();
    lead = await portal.fx.member({
      role: 'coordinator',
      displayName: 'Kim Seo-yeon',
      country: 'KR',
      timeZone: 'Asia/Seoul',
    });
    tokyo = await portal.fx.member({ displayName: 'Aiko Tanaka', country: 'JP', timeZone: 'Asia/Tokyo' });
    moscow = await portal.fx.member({ displayName: 'Boris Ivanov', country: 'RU', timeZone: 'Europe/Moscow' });
    const created = await portal
      .http()
      .post('/api/working-groups')
      .set('Authorization', lead.auth)
      .send({ name: 'Heat inventories', thematicArea: 'low_carbon_cities', visibility: 'public' });
    expect(created.status).toBe(201);
    group = created.body as WorkingGroupResponse;
    for (const member of [tokyo, moscow]) {
      const joined = await portal.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', member.auth);
      expect(joined.status).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** Uncaught errors of the pages a test opened: none is expected. */
  let pageErrors: string[] = [];
  beforeEach(() => {
    pageErrors = [];
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function openPage(options: { timezoneId: string; width?: number; locale?: string }): Promise<Page> {
    const page = await (await portal.context(options)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  it('lets a lead open a poll with two candidate times', async () => {
    const page = await openPage({ timezoneId: 'Asia/Seoul' });
    await portal.signIn(page, lead.email, lead.password);
    await page.goto(`/groups/${group.id}/polls/new`);
    await page.getByRole('heading', { level: 1, name: 'Find a time: new poll' }).waitFor();
    await main(page).getByLabel('Title', { exact: true }).fill(pollTitle);
    await expect(main(page).getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe('Asia/Seoul');

    const first = main(page).getByRole('group', { name: /^Time 1 / });
    await first.getByLabel('Date').fill(day);
    await first.getByLabel('Start').fill('10:00');
    await first.getByLabel('End').fill('12:00');
    const second = main(page).getByRole('group', { name: /^Time 2 / });
    await second.getByLabel('Date').fill(day);
    await second.getByLabel('Start').fill('16:00');
    await second.getByLabel('End').fill('18:00');

    // Before submitting, the lead sees how the first time falls in Moscow: 04:00, outside working hours.
    await main(page).getByText('Local times for time 1').click();
    const preview = main(page).getByRole('table', { name: 'Time 1 for each member' });
    const borisPreview = await preview.getByRole('row', { name: /Boris Ivanov/ }).textContent();
    expect(borisPreview).toMatch(/4:00.*6:00\sAM GMT\+3/);
    expect(borisPreview).toContain('Outside 08:00–19:00');

    // The portal suggests the day's times that suit all three (Moscow's morning is Seoul's afternoon).
    await main(page).getByLabel('Search from').fill(day);
    await main(page).getByLabel('Days to search').fill('1');
    await main(page).getByRole('button', { name: 'Suggest times' }).click();
    const best = main(page).getByRole('region', { name: 'Suggested times' }).getByRole('listitem').first();
    await expect(best.textContent()).resolves.toMatch(/2:00.*4:00\sPM GMT\+9.*Suits 3 of 3/);
    await best.getByRole('button', { name: /^Add as a candidate/ }).click();
    const third = main(page).getByRole('group', { name: /^Time 3 / });
    await expect(third.getByLabel('Date').inputValue()).resolves.toBe(day);
    await expect(third.getByLabel('Start').inputValue()).resolves.toBe('14:00');
    await expect(third.getByLabel('End').inputValue()).resolves.toBe('16:00');
    expect(await accessibilityViolations(page)).toEqual([]);
    await main(page).getByRole('button', { name: 'Remove time 3' }).click();

    await main(page).getByRole('button', { name: 'Open the poll' }).click();
    await page.waitForURL(/\/polls\/[0-9a-f-]{36}$/);
    pollId = new URL(page.url()).pathname.split('/').at(-1)!;
    const stored = await portal.http().get(`/api/polls/${pollId}`).set('Authorization', lead.auth);
    const poll = stored.body as PollResponse;
    expect(poll.title).toBe(pollTitle);
    expect(poll.timeZone).toBe('Asia/Seoul');
    expect(poll.options.map((option) => [option.startsAt, option.endsAt])).toEqual([
      [`${day}T01:00:00.000Z`, `${day}T03:00:00.000Z`],
      [`${day}T07:00:00.000Z`, `${day}T09:00:00.000Z`],
    ]);
  });

  it('lets a member vote on each time', async () => {
    const page = await openPage({ timezoneId: 'Asia/Tokyo' });
    await portal.signIn(page, tokyo.email, tokyo.password);
    await page.goto(`/polls/${pollId}`);
    await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
    await main(page)
      .getByRole('group', { name: /^Time 1:/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await main(page)
      .getByRole('group', { name: /^Time 2:/ })
      .getByRole('radio', { name: 'If need be' })
      .check();
    await main(page).getByRole('button', { name: 'Save my answers' }).click();
    await main(page).getByText('Your answers are saved.').waitFor();

    const stored = await portal.http().get(`/api/polls/${pollId}`).set('Authorization', tokyo.auth);
    const poll = stored.body as PollResponse;
    expect(poll.myVotes).toEqual(
      expect.arrayContaining([
        { optionId: poll.options[0].id, answer: 'yes' },
        { optionId: poll.options[1].id, answer: 'if_need_be' },
      ]),
    );
  });

  it('shows the lead each time in every member’s local time, and closes the poll into a meeting', async () => {
    const page = await openPage({ timezoneId: 'Asia/Seoul' });
    await portal.signIn(page, lead.email, lead.password);
    await page.goto(`/polls/${pollId}`);
    await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();

    const counts = main(page).getByRole('table', { name: /How many members answered/ });
    await expect(counts.getByRole('row', { name: /^Time 1:/ }).textContent()).resolves.toMatch(/1\s*0\s*0$/);
    await expect(counts.getByRole('row', { name: /^Time 2:/ }).textContent()).resolves.toMatch(/0\s*1\s*0$/);

    // One grid: a row per member, a column per time, each cell the answer and the member's local start.
    const grid = main(page).getByRole('table', { name: /Every member.s answer and local time/ });
    const cells = (name: RegExp) => grid.getByRole('row', { name }).locator('td');
    const boris = await grid
      .getByRole('row', { name: /Boris Ivanov/ })
      .locator('th')
      .textContent();
    expect(boris).toContain('Russia');
    await expect(
      cells(/Boris Ivanov/)
        .nth(0)
        .textContent(),
    ).resolves.toMatch(/04:00\sAM.*Outside 08:00–19:00/);
    await cells(/Boris Ivanov/)
      .nth(0)
      .getByRole('img', { name: 'Not voted' })
      .waitFor();
    expect(
      await grid
        .getByRole('row', { name: /Aiko Tanaka/ })
        .locator('th')
        .textContent(),
    ).toContain('Japan');
    await expect(
      cells(/Aiko Tanaka/)
        .nth(0)
        .textContent(),
    ).resolves.toMatch(/10:00\sAM/);
    expect(
      await cells(/Aiko Tanaka/)
        .nth(0)
        .textContent(),
    ).not.toContain('Outside');
    await cells(/Aiko Tanaka/)
      .nth(0)
      .getByRole('img', { name: 'Yes' })
      .waitFor();
    await cells(/Aiko Tanaka/)
      .nth(1)
      .getByRole('img', { name: 'If need be' })
      .waitFor();
    await expect(
      cells(/Boris Ivanov/)
        .nth(1)
        .textContent(),
    ).resolves.toMatch(/10:00\sAM/);
    expect(
      await cells(/Boris Ivanov/)
        .nth(1)
        .textContent(),
    ).not.toContain('Outside');
    // Time 1 (a "yes") is the best; Boris has not answered.
    await main(page)
      .getByText(/Not answered yet \(\d\): .*Boris Ivanov/)
      .waitFor();
    await expect(counts.getByRole('row', { name: /^Time 1:/ }).textContent()).resolves.toContain('Best time');

    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'poll');

    await main(page).getByLabel('Chosen time').selectOption({ index: 1 });
    await main(page).getByRole('button', { name: 'Close the poll and schedule the meeting' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
    await main(page).getByRole('button', { name: 'Cancel the meeting' }).waitFor();

    const stored = await portal.http().get(`/api/meetings/${meetingId}`).set('Authorization', lead.auth);
    const meeting = stored.body as MeetingResponse;
    expect(meeting.startsAt).toBe(`${day}T07:00:00.000Z`);
    expect(meeting.invitees.map((invitee) => invitee.displayName).sort()).toEqual([
      'Aiko Tanaka',
      'Boris Ivanov',
      'Kim Seo-yeon',
    ]);
  });

  it('lets an invitee accept, shows the answer among the invitees, and saves the .ics', async () => {
    const page = await openPage({ timezoneId: 'Asia/Tokyo' });
    await portal.signIn(page, moscow.email, moscow.password);
    await page.goto(`/meetings/${meetingId}`);
    await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
    // Boris reads the time in his own zone (Moscow, 10:00) and in the organiser's (Seoul, 16:00); English is 12-hour.
    await expect(main(page).getByText('Your time (Europe/Moscow)').isVisible()).resolves.toBe(true);
    const facts = await main(page).locator('dl.facts').textContent();
    expect(facts).toMatch(/Your time \(Europe\/Moscow\).*10:00\sAM/);
    expect(facts).toMatch(/Organiser's time \(Asia\/Seoul\).*4:00.*6:00\sPM/);
    await expect(main(page).getByRole('button', { name: 'Cancel the meeting' }).count()).resolves.toBe(0);

    await main(page).getByRole('button', { name: 'Accept', exact: true }).click();
    await main(page).getByText('Your answer: Accepted').waitFor();
    const invitees = main(page).getByRole('table', { name: 'Invitees and their answers' });
    await expect(invitees.getByRole('row', { name: /Boris Ivanov/ }).textContent()).resolves.toContain('Accepted');
    await expect(invitees.getByRole('row', { name: /Aiko Tanaka/ }).textContent()).resolves.toContain('No answer yet');
    await expect(
      main(page).getByRole('button', { name: 'Accept', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    const stored = await portal.http().get(`/api/meetings/${meetingId}`).set('Authorization', moscow.auth);
    expect((stored.body as MeetingResponse).myResponse).toBe('accepted');

    const download = page.waitForEvent('download');
    await main(page).getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await file.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(pollTitle);

    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'meeting');
  });

  it('lets the organiser keep minutes and action items', async () => {
    const page = await openPage({ timezoneId: 'Asia/Seoul' });
    await portal.signIn(page, lead.email, lead.password);
    await page.goto(`/meetings/${meetingId}`);
    await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
    await main(page).getByLabel('Minutes of the meeting').fill('Agreed on a common inventory template.');
    await main(page).getByRole('button', { name: 'Add an action item' }).click();
    const item = main(page).getByRole('group', { name: 'Action item 1' });
    await item.getByLabel('What is to be done').fill('Circulate the template');
    await item.getByLabel('Owner').selectOption({ label: 'Aiko Tanaka' });
    await item.getByLabel('Due date').fill(day);
    await main(page).getByRole('button', { name: 'Save minutes and action items' }).click();
    await main(page).getByText('Saved', { exact: true }).waitFor();

    const stored = await portal.http().get(`/api/meetings/${meetingId}`).set('Authorization', tokyo.auth);
    const meeting = stored.body as MeetingResponse;
    expect(meeting.minutes).toBe('Agreed on a common inventory template.');
    expect(meeting.actionItems).toEqual([
      expect.objectContaining({ text: 'Circulate the template', ownerId: tokyo.id, dueDate: day, done: false }),
    ]);
  });

  it('lets a lead schedule a meeting with an agenda, seeing the time for each invitee, and warns of conflicts', async () => {
    const page = await openPage({ timezoneId: 'Asia/Seoul' });
    await portal.signIn(page, lead.email, lead.password);
    await page.goto(`/groups/${group.id}/schedule`);
    await page.getByRole('heading', { level: 1, name: 'Schedule a meeting' }).waitFor();
    const when = main(page).getByRole('group', { name: /^When/ });
    await when.getByLabel('Date').fill(day);
    await when.getByLabel('Start').fill('16:00');
    await when.getByLabel('End').fill('18:00');

    // The API's complaint about the missing title appears at the title field.
    await main(page).getByRole('button', { name: 'Schedule the meeting' }).click();
    const title = main(page).getByLabel('Title', { exact: true });
    await main(page).locator('.field-error').first().waitFor();
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      main(page)
        .locator('.field', { has: page.getByLabel('Title', { exact: true }) })
        .textContent(),
    ).resolves.toMatch(/title/);

    await title.fill('Inventory template review');
    await main(page).getByLabel('Venue').fill('Secretariat, Incheon');
    await main(page).getByLabel('Online meeting link').fill('https://meet.example.org/heat');

    const table = main(page).getByRole('table', { name: 'The chosen time for each invitee' });
    await expect(table.getByRole('row', { name: /Boris Ivanov/ }).textContent()).resolves.toMatch(
      /10:00\sAM.*12:00\sPM GMT\+3.*Working hours/,
    );
    // The same wall-clock times in Moscow's zone are late evening in Seoul and Tokyo.
    await main(page).getByLabel('Time zone', { exact: true }).selectOption('Europe/Moscow');
    const aiko = table.getByRole('row', { name: /Aiko Tanaka/ });
    await aiko.filter({ hasText: 'Outside 08:00–19:00' }).waitFor();
    await expect(aiko.textContent()).resolves.toMatch(/10:00.*12:00\sAM GMT\+9.*Outside 08:00–19:00/);
    await main(page).getByLabel('Time zone', { exact: true }).selectOption('Asia/Seoul');

    for (let i = 0; i < 3; i += 1) await main(page).getByRole('button', { name: 'Add an agenda item' }).click();
    const first = main(page).getByRole('group', { name: 'Agenda item 1' });
    await first.getByLabel('Item').fill('Welcome');
    await first.getByLabel('Presenter').fill('Kim Seo-yeon');
    await first.getByLabel('Minutes').fill('10');
    const second = main(page).getByRole('group', { name: 'Agenda item 2' });
    await second.getByLabel('Item').fill('Template walk-through');
    await second.getByLabel('Minutes').fill('60');
    await main(page).getByRole('button', { name: 'Remove agenda item 3' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'schedule');

    await main(page).getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: 'Inventory template review' }).waitFor();
    const agenda = await main(page).locator('ol.agenda').textContent();
    expect(agenda).toContain('Welcome — Kim Seo-yeon · 10 minutes');
    expect(agenda).toContain('Template walk-through — 60 minutes');
    // Boris accepted the meeting from the poll, at the same time.
    const conflicts = main(page).getByRole('region', { name: 'Possible conflicts' });
    await expect(conflicts.textContent()).resolves.toContain('Boris Ivanov');

    const stored = await portal.http().get(`/api/meetings/${id}`).set('Authorization', lead.auth);
    const meeting = stored.body as MeetingResponse;
    expect(meeting).toMatchObject({
      title: 'Inventory template review',
      startsAt: `${day}T07:00:00.000Z`,
      endsAt: `${day}T09:00:00.000Z`,
      timeZone: 'Asia/Seoul',
      venue: 'Secretariat, Incheon',
      onlineUrl: 'https://meet.example.org/heat',
      agenda: [
        { title: 'Welcome', presenter: 'Kim Seo-yeon', durationMinutes: 10 },
        { title: 'Template walk-through', presenter: null, durationMinutes: 60 },
      ],
    });
    expect(meeting.conflicts.map((conflict) => conflict.displayName)).toEqual(['Boris Ivanov']);

    // The organiser moves it an hour later and drops the first agenda item.
    await main(page).getByRole('button', { name: 'Change details' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change the meeting' }).waitFor();
    const moved = main(page).getByRole('group', { name: /^When/ });
    await expect(moved.getByLabel('Start').inputValue()).resolves.toBe('16:00');
    await moved.getByLabel('Start').fill('17:00');
    await moved.getByLabel('End').fill('19:00');
    await main(page).getByRole('button', { name: 'Remove agenda item 1' }).click();
    await main(page).getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventory template review' }).waitFor();
    await expect(main(page).locator('dl.facts').textContent()).resolves.toMatch(/5:00.*7:00\sPM GMT\+9/);
    const changed = (await portal.http().get(`/api/meetings/${id}`).set('Authorization', lead.auth))
      .body as MeetingResponse;
    expect(changed).toMatchObject({
      startsAt: `${day}T08:00:00.000Z`,
      endsAt: `${day}T10:00:00.000Z`,
      sequence: meeting.sequence + 1,
      agenda: [{ title: 'Template walk-through', presenter: null, durationMinutes: 60 }],
    });
  });

  it('shows my meetings in a month calendar at phone width, and refreshes when a meeting is cancelled', async () => {
    const page = await openPage({ timezoneId: 'Asia/Tokyo', width: 360 });
    await portal.signIn(page, tokyo.email, tokyo.password);
    await page.goto(`/meetings?month=${day.slice(0, 7)}`);
    const titled = { name: new RegExp(pollTitle) };
    const link = main(page).locator('.month-grid').getByRole('link', titled);
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/meetings/${meetingId}`);
    const cell = main(page).locator('.month-grid td', { has: page.getByRole('link', titled) });
    await expect(cell.locator('time').getAttribute('datetime')).resolves.toBe(day);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'calendar');

    await main(page).getByRole('button', { name: 'Agenda' }).click();
    const agendaLink = main(page).locator('.agenda-view').getByRole('link', { name: pollTitle });
    await agendaLink.waitFor();
    await expect(
      main(page)
        .locator('.agenda-view li', { has: page.getByRole('link', { name: pollTitle }) })
        .textContent(),
    ).resolves.toMatch(/4:00\sPM.*6:00\sPM/);

    // Keyboard: the month buttons are reachable and work with Enter.
    await main(page).getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('month') !== day.slice(0, 7));
    await main(page).getByRole('button', { name: 'Previous month' }).focus();
    await page.keyboard.press('Enter');
    await agendaLink.waitFor();

    const cancelled = await portal.http().post(`/api/meetings/${meetingId}/cancel`).set('Authorization', lead.auth);
    expect(cancelled.status).toBe(200);
    await main(page).locator('.agenda-view').getByText('Cancelled').waitFor();
  });

  it('keeps the poll and meeting pages within a phone’s width', async () => {
    const page = await openPage({ timezoneId: 'Asia/Tokyo', width: 360 });
    await portal.signIn(page, tokyo.email, tokyo.password);
    for (const [path, heading] of [
      [`/polls/${pollId}`, pollTitle],
      [`/meetings/${meetingId}`, pollTitle],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
    }
    const leadPage = await openPage({ timezoneId: 'Asia/Seoul', width: 360 });
    await portal.signIn(leadPage, lead.email, lead.password);
    await leadPage.goto(`/groups/${group.id}/polls/new`);
    await leadPage.getByRole('region', { name: 'Suggested times' }).waitFor();
    expect(
      await leadPage.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await leadPage.goto(`/groups/${group.id}/schedule`);
    await leadPage.getByRole('table', { name: 'The chosen time for each invitee' }).waitFor();
    expect(
      await leadPage.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await portal.screenshot(leadPage, 'schedule-phone');
  });

  it('speaks the reader’s language, with dates in it', async () => {
    // Aiko reads Japanese: sign-in applies the language saved to her profile.
    await portal.http().patch('/api/members/me').set('Authorization', tokyo.auth).send({ language: 'ja' }).expect(200);
    const page = await openPage({ timezoneId: 'Asia/Tokyo', locale: 'ja-JP' });
    await portal.signIn(page, tokyo.email, tokyo.password);
    await page.goto(`/meetings?month=${day.slice(0, 7)}&view=agenda`);
    await page.getByRole('heading', { level: 1, name: '自分の会議' }).waitFor();
    const [year, month] = day.split('-').map(Number);
    await main(page)
      .getByRole('heading', { level: 2, name: `${year}年${month}月` })
      .waitFor();
    await main(page).getByRole('button', { name: '予定一覧', pressed: true }).waitFor();
    await page.goto(`/meetings/${meetingId}`);
    await main(page).getByRole('button', { name: 'カレンダーに追加（.ics）' }).waitFor();
    await main(page).getByRole('heading', { level: 2, name: '議題' }).waitFor();
  });
});

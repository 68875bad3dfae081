import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { PollResponse } from '@lcc/contracts';
import type { TestGroup, TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

describeInBrowser('web portal: polls that decide, live, at phone width and in Russian and Chinese', () => {
  let portal: BrowserPortal;
  let lead: TestMember;
  let moscow: TestMember;
  let beijing: TestMember;
  let group: TestGroup;
  let poll: PollResponse;

  beforeAll(async () => {
    portal = await startBrowserPortal();
    lead = await portal.fx.member({ role: 'coordinator', displayName: 'Kim Seo-yeon', timeZone: 'Asia/Seoul' });
    moscow = await portal.fx.member({
      displayName: 'Ольга Смирнова',
      country: 'RU',
      timeZone: 'Europe/Moscow',
      language: 'ru',
    });
    beijing = await portal.fx.member({ displayName: '王伟', country: 'CN', timeZone: 'Asia/Shanghai', language: 'zh' });
    group = await portal.fx.group(lead, { name: 'Eco-labelling experts', thematicArea: 'eco_labelling' });
    for (const member of [moscow, beijing]) await portal.fx.addMember(group, member);
    poll = (
      await portal
        .http()
        .post(`/api/working-groups/${group.id}/polls`)
        .set('Authorization', lead.auth)
        .send({
          title: 'Autumn expert meeting',
          timeZone: 'Asia/Seoul',
          deadline: new Date(Date.now() + 5 * 24 * 3600_000).toISOString(),
          // Given out of order: the page lists them earliest first.
          options: [
            { startsAt: '2031-10-08T01:00:00Z', endsAt: '2031-10-08T03:00:00Z' },
            { startsAt: '2031-10-07T06:00:00Z', endsAt: '2031-10-07T08:00:00Z' },
          ],
        })
        .expect(201)
    ).body as PollResponse;
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('a Russian member at 390 px finds the poll on the home page, sees a compact grid, and watches answers arrive live', async () => {
    const page = await (await portal.context({ locale: 'en-GB', timezoneId: 'Europe/Moscow', width: 390 })).newPage();
    await portal.signIn(page, moscow.email, moscow.password);
    const polls = page.getByRole('region', { name: 'Открытые опросы' });
    await polls.getByRole('link', { name: 'Autumn expert meeting' }).waitFor();
    expect(await polls.textContent()).toContain('ждёт вашего ответа');
    await polls.getByRole('link', { name: 'Autumn expert meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Autumn expert meeting' }).waitFor();

    // Earliest first, with the weekday; nobody has answered, so no best time yet.
    const counts = page.getByRole('table', { name: /Сколько участников ответили/ });
    const rows = await counts.getByRole('row').allTextContents();
    expect(rows[1]).toMatch(/вт/i);
    expect(rows[2]).toMatch(/ср/i);
    expect(await page.getByText('Лучшее время').count()).toBe(0);
    await page.getByText(/Ещё не ответили \(3\)/).waitFor();

    // The grid scrolls inside its card: the page itself never scrolls sideways at 390 px.
    const grid = page.getByRole('table', { name: /Ответ и местное время/ });
    await grid.waitFor();
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(390);
    await portal.screenshot(page, 'poll-grid-ru-phone');

    // Another member answers elsewhere: this page shows it without a reload.
    const beijingPage = await (await portal.context({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    await portal.signIn(beijingPage, beijing.email, beijing.password);
    await beijingPage.goto(`/polls/${poll.id}`);
    await beijingPage
      .getByRole('group', { name: /^时间 1/ })
      .getByRole('radio', { name: '可以', exact: true })
      .check();
    await beijingPage
      .getByRole('group', { name: /^时间 2/ })
      .getByRole('radio', { name: '不行' })
      .check();
    await beijingPage.getByRole('button', { name: '保存我的答复' }).click();
    await beijingPage.getByText('您的答复已保存。').waitFor();

    await grid.getByRole('row', { name: /王伟/ }).getByRole('img', { name: 'Да' }).waitFor();
    await page.getByText(/Ещё не ответили \(2\)/).waitFor();
    await counts.getByRole('row').nth(1).getByText('Лучшее время').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await beijingPage.context().close();
    await page.context().close();
  });
});

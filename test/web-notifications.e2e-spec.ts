import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { NotificationResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { describeInBrowser, startBrowserPortal, type BrowserPortal } from './support/browser.js';

describeInBrowser("web portal: notifications in the reader's language, the saved language on any browser", () => {
  let portal: BrowserPortal;
  let author: TestMember;
  let reader: TestMember;

  beforeAll(async () => {
    portal = await startBrowserPortal();
    author = await portal.fx.member({ displayName: 'Ольга Петрова' });
    reader = await portal.fx.member({ displayName: 'Бат Дорж' });
    // The reader chose Russian once, on another device.
    await portal.http().patch('/api/members/me').set('Authorization', reader.auth).send({ language: 'ru' }).expect(200);
    const room = (
      await portal
        .http()
        .post('/api/rooms')
        .set('Authorization', author.auth)
        .send({ kind: 'direct', memberIds: [reader.id] })
        .expect(201)
    ).body as { id: string };
    await portal
      .http()
      .post(`/api/rooms/${room.id}/messages`)
      .set('Authorization', author.auth)
      .send({ clientId: randomUUID(), body: '@Бат Дорж посмотрите план' })
      .expect(201);
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('a Russian reader signing in on an English browser reads the mention in Russian; opening it marks it read', async () => {
    const page = await (await portal.context({ locale: 'en-GB' })).newPage();
    await portal.signIn(page, reader.email, reader.password);
    const link = page.getByRole('link', { name: 'Ольга Петрова упоминает вас' });
    await link.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.getByText('mentioned you').count()).toBe(0);
    await portal.screenshot(page, 'notifications-ru');

    const read = page.waitForResponse(
      (response) => /\/api\/notifications\/[^/]+\/read$/.test(response.url()) && response.status() === 200,
    );
    await link.click();
    await read;
    await page.waitForURL(/\/rooms\//);
    const unread = (
      await portal.http().get('/api/notifications?unread=true').set('Authorization', reader.auth).expect(200)
    ).body as { items: NotificationResponse[] };
    expect(unread.items).toEqual([]);
  });

  it('the switcher saves the choice to the profile', async () => {
    const page = await (await portal.context({ locale: 'ru-RU' })).newPage();
    await portal.signIn(page, author.email, author.password);
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/members/me') && response.request().method() === 'PATCH',
    );
    await page.locator('select[aria-label]').first().selectOption('ja');
    expect((await saved).status()).toBe(200);
    await page.locator('html[lang="ja"]').waitFor({ state: 'attached' });
    const me = await portal.http().get('/api/members/me').set('Authorization', author.auth).expect(200);
    expect(me.body.language).toBe('ja');
  });
});

describeInBrowser('web portal: my action items on the home page', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('a Japanese owner sees the items given to them, due first with the overdue one marked, and ticks one done', async () => {
    const lead = await portal.fx.member({ role: 'coordinator', displayName: 'Secretariat Lead' });
    const owner = await portal.fx.member({ displayName: '佐藤 花子', language: 'ja', timeZone: 'Asia/Tokyo' });
    const group = await portal.fx.group(lead, { name: '低炭素都市', thematicArea: 'low_carbon_cities' });
    await portal.fx.addMember(group, owner);
    const meeting = await portal.fx.meeting(lead, group.id, { title: '第3回専門家会合' });
    await portal
      .http()
      .patch(`/api/meetings/${meeting.id}`)
      .set('Authorization', lead.auth)
      .send({
        actionItems: [
          { text: '排出インベントリを共有する', ownerId: owner.id, dueDate: '2031-06-01' },
          { text: '議事録を確認する', ownerId: owner.id, dueDate: '2020-01-10' },
        ],
      })
      .expect(200);

    const page = await (await portal.context({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' })).newPage();
    await portal.signIn(page, owner.email, owner.password);
    const section = page.getByRole('region', { name: '自分のアクションアイテム' });
    await section.getByText('議事録を確認する').waitFor();
    const texts = await section.locator('li').allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('議事録を確認する');
    expect(texts[0]).toContain('期限切れ');
    expect(texts[1]).toContain('排出インベントリを共有する');
    expect(texts[1]).not.toContain('期限切れ');
    // The assignment arrived as a notification, in Japanese.
    await page.getByText('Secretariat Leadさんが第3回専門家会合のアクションアイテムを割り当てました').first().waitFor();

    const saved = page.waitForResponse(
      (response) => /\/action-items\/[^/]+$/.test(response.url()) && response.request().method() === 'PATCH',
    );
    await section.getByRole('checkbox', { name: '議事録を確認する' }).check();
    expect((await saved).status()).toBe(200);
    await section.getByText('議事録を確認する').waitFor({ state: 'detached' });
    await portal.screenshot(page, 'home-action-items-ja');
  });
});

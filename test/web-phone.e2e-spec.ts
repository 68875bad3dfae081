import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

describeInBrowser('web portal at phone width (390 px): the navigation folds into a menu', () => {
  let portal: BrowserPortal;
  let member: TestMember;

  beforeAll(async () => {
    portal = await startBrowserPortal();
    member = await portal.fx.member({ displayName: 'Батбаяр Дорж', language: 'mn' });
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('keeps the header to one row with the bell and a menu button, and the menu closes after a choice', async () => {
    const page = await (
      await portal.context({ locale: 'en-GB', timezoneId: 'Asia/Ulaanbaatar', width: 390 })
    ).newPage();
    await portal.signIn(page, member.email, member.password);
    const header = page.locator('header.top');
    const menu = page.getByRole('button', { name: 'Цэс' });
    await menu.waitFor();
    expect((await header.boundingBox())!.height).toBeLessThan(64);
    await page
      .getByRole('link', { name: /мэдэгдэл/i })
      .first()
      .waitFor();
    const navigation = page.getByRole('navigation');
    expect(await navigation.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await navigation.waitFor();
    await page.getByRole('button', { name: /Гарах/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'menu-mn-phone');

    await navigation.getByRole('link').nth(1).click();
    await page.waitForURL((url) => url.pathname !== '/');
    await navigation.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // At desktop width there is no menu button: everything is in view.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    expect(await navigation.isVisible()).toBe(true);
  });

  it('shows the room list and a room as separate views, the composer always in view without the page scrolling', async () => {
    const admin = await portal.fx.admin();
    const alice = await portal.fx.member({ displayName: 'Alice Phone' });
    const bob = await portal.fx.member({ displayName: 'Bob Phone' });
    const group = await portal.fx.group(admin, { name: 'Low-carbon transport' });
    await portal.fx.addMember(group, alice);
    const longTopic = 'District heating, building retrofits and the city’s 2030 targets. '.repeat(12).trim();
    const topic = await portal.fx.room(alice, { name: 'Heat and buildings', topic: longTopic, visibility: 'public' });
    const direct = await portal.fx.room(alice, { kind: 'direct', memberIds: [bob.id] });
    // Enough messages that each timeline is taller than the screen.
    for (const roomId of [group.roomId, topic.id, direct.id]) {
      for (let n = 1; n <= 25; n += 1) await portal.fx.message(alice, roomId, `Message ${n} about the plan`);
    }
    const root = await portal.fx.message(alice, topic.id, 'Which buildings come first?');
    for (let n = 1; n <= 20; n += 1) {
      await portal.fx.message(alice, topic.id, `Reply ${n}`, { threadRootId: root.id });
    }

    const page = await (await portal.context({ width: 390, height: 844 })).newPage();
    await portal.signIn(page, alice.email, alice.password);

    /** The composer is wholly on screen, the page scrolls neither down nor sideways. */
    const composerInView = async (composer: Locator) => {
      await composer.waitFor();
      const box = (await composer.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const [scrollHeight, clientHeight, scrollWidth] = (await page.evaluate(
        '[document.scrollingElement.scrollHeight, document.scrollingElement.clientHeight, document.scrollingElement.scrollWidth]',
      )) as number[];
      expect(scrollHeight).toBeLessThanOrEqual(clientHeight);
      expect(scrollWidth).toBeLessThanOrEqual(390);
    };
    const openRoom = async (target: Page, name: string) => {
      await target.goto('/rooms');
      const list = target.getByRole('navigation', { name: 'Rooms' });
      await list.getByRole('link', { name }).click();
      await target.getByRole('heading', { level: 1, name }).waitFor();
      expect(await list.isVisible()).toBe(false);
      // The newest message is in view at the bottom of the scrolling timeline.
      await target.locator('.timeline .message-body', { hasText: 'Message 25 about the plan' }).waitFor();
    };

    // The list alone.
    await page.goto('/rooms');
    await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: 'Bob Phone' }).waitFor();
    // The list alone, under the page's heading: nothing of a room, nor the desktop's "choose a room" beside it.
    expect(await page.getByRole('heading', { level: 1, name: 'Discussions' }).isVisible()).toBe(true);
    expect(await page.getByText('Choose a room to read and write.').isVisible()).toBe(false);

    for (const name of ['Low-carbon transport', 'Heat and buildings', 'Bob Phone']) {
      await openRoom(page, name);
      await composerInView(page.locator('.room-main form.composer'));
      const timeline = page.getByRole('region', { name }).locator('.timeline');
      expect(await timeline.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    }
    await portal.screenshot(page, 'room-direct-phone');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The people and settings open over the room and close again; the back link returns to the list.
    await page.getByRole('button', { name: 'People and settings' }).click();
    const people = page.getByRole('complementary', { name: 'People here' });
    await people.getByText('Bob Phone').waitFor();
    await people.getByRole('button', { name: 'Close' }).click();
    await people.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Back to my rooms' }).click();
    await page.waitForURL((url) => url.pathname === '/rooms');
    await page.getByRole('navigation', { name: 'Rooms' }).waitFor();
    // "My threads" is a view of its own too.
    await page.getByRole('link', { name: 'My threads' }).click();
    await page.getByRole('heading', { level: 1, name: 'My threads' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Rooms' }).isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Back to my rooms' }).click();
    await page.getByRole('navigation', { name: 'Rooms' }).waitFor();

    // A thread opens over the room with its own composer in view.
    await openRoom(page, 'Heat and buildings');
    expect(await page.locator('.room-topic').evaluate((element) => element.clientHeight < 60)).toBe(true);
    await page
      .locator('.message', { hasText: 'Which buildings come first?' })
      .getByRole('button', { name: '20 replies' })
      .click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText('Reply 20').waitFor();
    await composerInView(thread.locator('form.composer'));
    await portal.screenshot(page, 'room-thread-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await thread.getByRole('button', { name: 'Close' }).click();
    await composerInView(page.locator('.room-main form.composer'));
  }, 120_000);
});

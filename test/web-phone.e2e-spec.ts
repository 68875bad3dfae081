import { afterAll, beforeAll, expect, it } from '@jest/globals';
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
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { TestMember } from '@lcc/testing';
import { describeInBrowser, startBrowserPortal, type BrowserPortal } from './support/browser.js';

describeInBrowser('web portal: settings keep the stored time zone', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  const storedZone = async (member: TestMember) =>
    (await portal.http().get('/api/members/me').set('Authorization', member.auth).expect(200)).body.timeZone as string;

  async function openSettings(member: TestMember, locale = 'en-GB'): Promise<Page> {
    // The browser's own zone differs from every stored one below: nothing may fall back to it.
    const context = await portal.context({ locale, timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    await portal.signIn(page, member.email, member.password);
    await page.goto('/settings');
    return page;
  }

  const saveProfile = async (page: Page) => {
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/members/me') && response.request().method() === 'PATCH',
    );
    await page.locator('form.card').first().locator('button[type="submit"]').click();
    expect((await saved).status()).toBe(200);
  };

  it('saves the profile with UTC and with an alias zone unchanged, and offers the whole list with a search', async () => {
    const utc = await portal.fx.member({ timeZone: 'UTC' });
    const page = await openSettings(utc);
    const select = page.locator('select[name="timeZone"]');
    await expect(select.inputValue()).resolves.toBe('UTC');
    expect(await select.locator('option').count()).toBeGreaterThan(400);
    await page.getByRole('textbox', { name: 'Full name' }).fill('Renamed in UTC');
    await saveProfile(page);
    await expect(storedZone(utc)).resolves.toBe('UTC');

    // A search narrows the list and keeps the stored zone offered; picking a result is the only change.
    await page.getByRole('searchbox', { name: /time zones/i }).fill('tokyo');
    const labels = await select.locator('option').allTextContents();
    expect(labels).toEqual(['UTC', 'UTC+09:00 · Asia/Tokyo']);
    await expect(select.inputValue()).resolves.toBe('UTC');
    await select.selectOption('Asia/Tokyo');
    await saveProfile(page);
    await expect(storedZone(utc)).resolves.toBe('Asia/Tokyo');

    // An offset finds zones too.
    await page.getByRole('searchbox', { name: /time zones/i }).fill('+08:00 ulaanbaatar');
    await expect(select.locator('option').allTextContents()).resolves.toEqual([
      'UTC+09:00 · Asia/Tokyo',
      'UTC+08:00 · Asia/Ulaanbaatar',
    ]);
    await page.context().close();

    // An alias the browser does not list (it lists Asia/Kolkata) is kept, not replaced by the first option.
    const alias = await portal.fx.member({ timeZone: 'Asia/Calcutta', language: 'ru' });
    const aliasPage = await openSettings(alias, 'ru-RU');
    await expect(aliasPage.locator('select[name="timeZone"]').inputValue()).resolves.toBe('Asia/Calcutta');
    await expect(aliasPage.getByRole('searchbox', { name: /часового пояса/i }).count()).resolves.toBe(1);
    await saveProfile(aliasPage);
    await expect(storedZone(alias)).resolves.toBe('Asia/Calcutta');
    await aliasPage.context().close();
  });
});

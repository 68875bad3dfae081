import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';
import { TEST_ADMIN } from './support/test-app.js';

describeInBrowser('web portal: sign-in and registration', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('serves the portal at / with its assets, and keeps /api for the API', async () => {
    const page = await (await portal.context()).newPage();
    const response = await page.goto('/groups');
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue('cache-control')).toBe('no-cache');
    await page.waitForURL('**/sign-in');
    const api = await portal.http().get('/api/nothing-here').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('NOT_FOUND');
  });

  it('signs the admin in', async () => {
    const page = await (await portal.context()).newPage();
    await portal.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(page.getByRole('link', { name: /Administration/ }).isVisible()).resolves.toBe(true);
    await portal.screenshot(page, 'home');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

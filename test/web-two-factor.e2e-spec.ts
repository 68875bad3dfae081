import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

/** The code an authenticator app shows `steps` periods from now (the same library as the server). */
function codeAt(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

interface Catalogue {
  [key: string]: string | Catalogue;
}
/** A text of the twofactor catalogue by its dotted key, e.g. `signIn.title`. */
function texts(language: string): (key: string) => string {
  const root = JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/twofactor.json`, 'utf8')) as Catalogue;
  return (key) => key.split('.').reduce<string | Catalogue>((node, part) => (node as Catalogue)[part]!, root) as string;
}

describeInBrowser('web portal: two-factor sign-in', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  });

  /** Fills the password step and waits for the code step (the page stays on /sign-in). */
  async function passwordStep(page: Page, member: { email: string; password: string }): Promise<void> {
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').fill(member.email);
    await page.locator('input[name="password"]').fill(member.password);
    const login = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await page.locator('form button[type="submit"]').click();
    expect((await login).status()).toBe(200);
  }

  const status = async (member: TestMember) =>
    (await portal.http().get('/api/auth/two-factor').set('Authorization', member.auth).expect(200)).body as {
      enabled: boolean;
      recoveryCodesLeft: number;
    };

  it('a member enrols from the settings page, signs out, and signs in with password and code', async () => {
    const member = await portal.fx.member({ displayName: 'Tuya Enkhbat' });
    const page = await (await portal.context()).newPage();
    await portal.signIn(page, member.email, member.password);
    await page.goto('/settings');

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = await page.getByLabel('Or type this key into the app').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A wrong code first: said in words, nothing turned on.
    await page.getByLabel('Six-digit code').fill(codeAt(secret) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').filter({ hasText: 'The code is wrong or has expired.' }).waitFor();
    expect((await status(member)).enabled).toBe(false);

    await page.getByLabel('Six-digit code').fill(codeAt(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes = await page.locator('.recovery-codes li code').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText(/On since .+ Recovery codes left: 10\./).waitFor();
    expect(await status(member)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    await portal.screenshot(page, 'two-factor-settings');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await passwordStep(page, member);
    await page.getByText('Enter the six-digit code from your authenticator app.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The next step's code: the one that confirmed the enrolment does not count twice.
    await page.getByLabel('Six-digit code').fill(codeAt(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto('/settings');
    await page.getByText(/On since/).waitFor();

    // Signing in with a recovery code, in a fresh browser profile.
    const other = await (await portal.context()).newPage();
    await passwordStep(other, member);
    await other.getByRole('button', { name: 'Use a recovery code' }).click();
    await other.getByLabel('Recovery code').fill(codes[0]!);
    await other.getByRole('button', { name: 'Verify' }).click();
    await other.waitForURL((url) => url.pathname !== '/sign-in');
    expect((await status(member)).recoveryCodesLeft).toBe(9);
  });

  it('says every step in Japanese, and takes a recovery code once', async () => {
    const ja = texts('ja');
    const member = await portal.fx.member({ language: 'ja', displayName: '佐藤 花子' });
    const started = await portal
      .http()
      .post('/api/auth/two-factor/enrolment')
      .set('Authorization', member.auth)
      .expect(201);
    const confirmed = await portal
      .http()
      .post('/api/auth/two-factor/enrolment/confirm')
      .set('Authorization', member.auth)
      .send({ code: codeAt(started.body.secret as string) })
      .expect(200);
    const [first] = confirmed.body.recoveryCodes as string[];

    const page = await (await portal.context({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
    await passwordStep(page, member);
    await page.getByRole('heading', { name: ja('signIn.title') }).waitFor();
    await page.getByText(ja('signIn.codePrompt')).waitFor();
    await expect(page.getByLabel(ja('code')).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: ja('signIn.useRecovery') }).click();
    await page.getByLabel(ja('signIn.recoveryCode')).fill(first!);
    await page.getByRole('button', { name: ja('signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');

    await page.goto('/settings');
    await page.getByRole('heading', { name: ja('title') }).waitFor();
    await page.getByText(ja('status.codesLeft').replace('{{number}}', '9')).waitFor();
    await page.getByRole('button', { name: ja('regenerate.submit') }).click();
    await expect(page.getByLabel(ja('proof.password')).isVisible()).resolves.toBe(true);

    // The same recovery code a second time: refused, in Japanese.
    const again = await (await portal.context({ locale: 'ja-JP' })).newPage();
    await passwordStep(again, member);
    await again.getByRole('button', { name: ja('signIn.useRecovery') }).click();
    await again.getByLabel(ja('signIn.recoveryCode')).fill(first!);
    await again.getByRole('button', { name: ja('signIn.submit') }).click();
    await again.getByRole('alert').filter({ hasText: 'コードが違うか、期限切れです。' }).waitFor();
    expect(new URL(again.url()).pathname).toBe('/sign-in');
  });

  it('admins require two factors for staff, and a coordinator is led through enrolment before anything else', async () => {
    const admin = await portal.fx.admin();
    const coordinator = await portal.fx.member({ role: 'coordinator', displayName: 'Ivan Petrov' });
    const adminPage = await (await portal.context()).newPage();
    await portal.signIn(adminPage, admin.email, admin.password);
    await adminPage.goto('/admin');
    const required = adminPage.getByLabel('Require two-factor for staff');
    const saved = adminPage.waitForResponse(
      (response) => response.url().endsWith('/api/auth/two-factor/policy') && response.request().method() === 'PUT',
    );
    await required.check();
    const policySection = adminPage.locator('section').filter({ has: required });
    await policySection.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await policySection.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    try {
      await expect(required.isChecked()).resolves.toBe(true);

      const page = await (await portal.context()).newPage();
      await passwordStep(page, coordinator);
      await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
      const secret = await page.getByLabel('Or type this key into the app').inputValue();
      await page.getByLabel('Six-digit code').fill(codeAt(secret));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      expect((await status(coordinator)).enabled).toBe(true);

      // The admin resets it from the members list: confirmed by name, then said done.
      await adminPage.getByRole('searchbox', { name: 'Search', exact: true }).fill('Ivan Petrov');
      await adminPage.getByRole('searchbox', { name: 'Search', exact: true }).press('Enter');
      const row = adminPage.locator('li').filter({ hasText: 'Ivan Petrov' });
      await row.getByRole('button', { name: 'Reset two-factor' }).click();
      await row.getByRole('alertdialog').getByRole('button', { name: 'Reset two-factor' }).click();
      await row.getByText('Two-factor sign-in was reset for Ivan Petrov.').waitFor();
      expect((await status(coordinator)).enabled).toBe(false);
    } finally {
      await portal
        .http()
        .put('/api/auth/two-factor/policy')
        .set('Authorization', admin.auth)
        .send({ requiredForStaff: false })
        .expect(200);
    }
  });
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';
import { freePort, startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';

describeInBrowser('web portal: single sign-on with a real OpenID Connect provider', () => {
  let portal: BrowserPortal;
  let provider: TestOidcProvider;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startOidcProvider([`http://127.0.0.1:${port}/api/auth/oidc/callback`]);
    portal = await startBrowserPortal({
      port,
      env: {
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_ALLOWED_DOMAINS: 'sso.example.org',
        OIDC_DISPLAY_NAME: 'Partner ID',
        OIDC_DEFAULT_COUNTRY: 'KR',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    await provider?.close();
  });

  it('signs a member in through the provider and lands on the home page, signed in', async () => {
    const member = await portal.fx.member({ displayName: 'Kim Minji', language: 'en' });
    provider.addAccount({
      sub: 'minji',
      email: member.email,
      email_verified: true,
      name: 'Minji Kim',
      locale: 'ko-KR',
    });
    const page = await (await portal.context()).newPage();
    await page.goto('/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Partner ID' });
    await button.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'sso-sign-in');
    await button.click();

    // The provider's own sign-in form, on another site.
    await page.getByLabel('Account').fill('minji');
    await page.getByRole('button', { name: 'Continue to the portal' }).click();

    await page.getByRole('heading', { name: 'Welcome, Kim Minji' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The session survives a reload: the refresh cookie was set like a password sign-in's.
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Kim Minji' }).waitFor();
  });

  it('in Japanese: the button speaks Japanese, and a new member of an allowed domain arrives in Japanese', async () => {
    provider.addAccount({
      sub: 'hanako',
      email: 'hanako@sso.example.org',
      email_verified: true,
      name: '山田 花子',
      locale: 'ja-JP',
    });
    const page = await (await portal.context({ locale: 'ja-JP' })).newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Partner ID でサインイン' }).click();
    await page.getByLabel('Account').fill('hanako');
    await page.getByRole('button', { name: 'Continue to the portal' }).click();
    await page.getByRole('heading', { name: 'ようこそ、山田 花子 さん' }).waitFor();
  });

  it('shows why a sign-in was refused, in the reader’s language', async () => {
    provider.addAccount({
      sub: 'unverified',
      email: 'someone@sso.example.org',
      email_verified: false,
      name: 'Someone',
      locale: 'en',
    });
    const page = await (await portal.context({ locale: 'zh-CN' })).newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '使用 Partner ID 登录' }).click();
    await page.getByLabel('Account').fill('unverified');
    await page.getByRole('button', { name: 'Continue to the portal' }).click();
    await page.waitForURL('**/sign-in?ssoError=SSO_EMAIL_UNVERIFIED');
    await page.getByRole('alert').getByText('您的身份提供方未确认您的电子邮件地址').waitFor();
  });
});

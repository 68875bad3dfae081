import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { WorkingGroupResponse } from '@lcc/contracts';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';
import { TEST_ADMIN } from './support/test-app.js';

function catalogue(language: string, namespace: string): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(`apps/web/src/i18n/locales/${language}/${namespace}.json`, 'utf8')) as Record<
    string,
    Record<string, string>
  >;
}

describeInBrowser('web portal: members, administration, discussions and languages', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  const signedIn = async (email: string, password: string, options = {}): Promise<Page> => {
    const page = await (await portal.context(options)).newPage();
    await portal.signIn(page, email, password);
    return page;
  };

  it('serves the portal at / with its assets, and keeps /api for the API', async () => {
    const page = await (await portal.context()).newPage();
    const response = await page.goto('/groups');
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue('cache-control')).toBe('no-cache');
    await page.waitForURL('**/sign-in');
    const api = await portal.http().get('/api/nothing-here').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('NOT_FOUND');
    // Nothing is loaded from anywhere but the portal itself.
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(portal.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(foreign).toEqual([]);
    await portal.screenshot(page, 'welcome');
  });

  it('registers a member who waits for approval, is approved by the coordinator, then signs in', async () => {
    const visitor = await (await portal.context({ timezoneId: 'Asia/Ulaanbaatar' })).newPage();
    await visitor.goto('/register');
    const email = 'batbayar@ulaanbaatar.mn';
    const password = 'Tsagaan-Sar 2027';
    await visitor.getByLabel('E-mail').fill(email);
    await visitor.getByLabel('Password').fill('short');
    await visitor.getByLabel('Full name').fill('Batbayar Dorj');
    await visitor.getByLabel('Member type').selectOption('city_government');
    await visitor.getByLabel('Country').selectOption('MN');
    await visitor.getByLabel('Organization').fill('Ulaanbaatar City Governor’s Office');
    await visitor.getByLabel('City').fill('Ulaanbaatar');
    // The browser's own time zone is offered.
    expect(await visitor.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Asia/Ulaanbaatar');
    await visitor.getByRole('button', { name: 'Register' }).click();
    // The API's message appears beside the password field, and nothing was created.
    await expect(visitor.locator('.field-error').first().textContent()).resolves.toContain('password');
    expect(
      (
        await portal
          .http()
          .get('/api/members?q=Batbayar')
          .set('Authorization', (await portal.fx.admin()).auth)
      ).body.items,
    ).toEqual([]);
    expect(await accessibilityViolations(visitor)).toEqual([]);
    await portal.screenshot(visitor, 'register');
    // A password that is easy to guess: the reason, from the detail's code, in the reader's language.
    await visitor.getByLabel('Password').fill('password1234');
    await visitor.getByRole('button', { name: 'Register' }).click();
    await visitor.getByText('This password is too easy to guess.', { exact: false }).waitFor();
    await visitor.getByLabel('Password').fill(password);
    await visitor.getByRole('button', { name: 'Register' }).click();
    await visitor.getByText(/will review it/).waitFor();

    const admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('button', { name: 'Approve Batbayar Dorj' }).first().click();
    await admin.getByRole('button', { name: 'Approve Batbayar Dorj' }).first().waitFor({ state: 'detached' });
    expect(await accessibilityViolations(admin)).toEqual([]);
    await portal.screenshot(admin, 'admin');

    await portal.signIn(visitor, email, password);
    await visitor.getByRole('heading', { name: 'Welcome, Batbayar Dorj' }).waitFor();
    expect(await accessibilityViolations(visitor)).toEqual([]);
    await portal.screenshot(visitor, 'home');
  });

  it('invites someone from the administration page; the link registers an active member at once', async () => {
    const admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.goto('/admin');
    await admin.getByRole('region', { name: 'Invite someone' }).getByLabel('E-mail').fill('sato@kitakyushu.jp');
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    const link = new URL(await admin.getByLabel('Invitation link').inputValue());
    expect(link.pathname).toBe('/register');

    const invitee = await (await portal.context({ timezoneId: 'Asia/Tokyo' })).newPage();
    await invitee.goto(link.pathname + link.search);
    await invitee.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await invitee.getByLabel('E-mail').fill('sato@kitakyushu.jp');
    await invitee.getByLabel('Password').fill('Kitakyushu eco-model 2027');
    await invitee.getByLabel('Full name').fill('Sato Hiroshi');
    // Nothing is preselected: the invitee chooses both.
    await invitee.getByLabel('Member type').selectOption('city_government');
    await invitee.getByLabel('Country').selectOption('JP');
    await invitee.getByRole('button', { name: 'Register' }).click();
    await invitee.getByText('Your account is active.').waitFor();
    await invitee.getByRole('link', { name: 'Continue' }).click();
    await invitee.getByRole('heading', { name: 'Welcome, Sato Hiroshi' }).waitFor();
  });

  it('two members chat live in their group room; one goes offline, comes back, and catches up without gaps or duplicates', async () => {
    const admin = await portal.fx.admin();
    const group = (
      await portal
        .http()
        .post('/api/working-groups')
        .set('Authorization', admin.auth)
        .send({ name: 'Expert Group on Low-Carbon Cities', thematicArea: 'low_carbon_cities' })
        .expect(201)
    ).body as WorkingGroupResponse;
    const alice = await portal.fx.member({ displayName: 'Alice Tanaka', country: 'JP', timeZone: 'Asia/Tokyo' });
    const bob = await portal.fx.member({ displayName: 'Bob Ivanov', country: 'RU', timeZone: 'Europe/Moscow' });
    for (const m of [alice, bob]) {
      await portal.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', m.auth).expect(200);
    }
    const roomId = (await portal.http().get(`/api/working-groups/${group.id}`).set('Authorization', alice.auth)).body
      .roomId as string;

    const alicePage = await signedIn(alice.email, alice.password, { timezoneId: 'Asia/Tokyo' });
    const bobPage = await signedIn(bob.email, bob.password, { timezoneId: 'Europe/Moscow' });
    for (const page of [alicePage, bobPage]) {
      await page.goto(`/groups/${group.id}`);
      await page.getByRole('link', { name: "Open the group's discussion" }).click();
      await page.waitForURL(`**/rooms/${roomId}`);
      await page.getByRole('textbox', { name: /Message Expert Group/ }).waitFor();
    }
    const aliceBox = alicePage.getByRole('textbox', { name: /Message Expert Group/ });
    await aliceBox.fill('Доброе утро from Tokyo, 你好 @Bob');
    await alicePage.getByRole('option', { name: 'Bob Ivanov' }).click();
    await aliceBox.press('Enter');
    await bobPage.getByText('Доброе утро from Tokyo, 你好 @Bob Ivanov').waitFor();
    // The mention reached Bob as a live notification.
    await bobPage.locator('.bell .badge').waitFor();
    await bobPage.getByRole('textbox', { name: /Message Expert Group/ }).pressSequentially('Typing');
    await alicePage.getByText('Bob Ivanov is typing…').waitFor();
    await portal.screenshot(alicePage, 'discussion');
    expect(await accessibilityViolations(alicePage)).toEqual([]);

    await bobPage.context().setOffline(true);
    await bobPage.getByText(/Connection lost/).waitFor({ timeout: 30_000 });
    for (const n of [1, 2, 3]) {
      await aliceBox.fill(`While you were away ${n}`);
      await aliceBox.press('Enter');
      await alicePage
        .locator('.message')
        .filter({ hasText: `While you were away ${n}` })
        .locator('time')
        .waitFor();
    }
    await bobPage.context().setOffline(false);
    await bobPage.getByText(/Connection lost/).waitFor({ state: 'detached', timeout: 30_000 });
    for (const n of [1, 2, 3]) {
      await bobPage.getByText(`While you were away ${n}`).waitFor();
      expect(await bobPage.getByText(`While you were away ${n}`).count()).toBe(1);
    }
    const seqs = await bobPage
      .locator('.timeline .message[data-seq]')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.at(-1)! - seqs[0] + 1).toBe(seqs.length);
  });

  it("shows a group's open polls on its page, with whether I answered, leading to the poll", async () => {
    const admin = await portal.fx.admin();
    const group = (
      await portal
        .http()
        .post('/api/working-groups')
        .set('Authorization', admin.auth)
        .send({ name: 'Expert Group on Eco-Tax Reform', thematicArea: 'eco_tax_reform' })
        .expect(201)
    ).body as WorkingGroupResponse;
    const member = await portal.fx.member({ displayName: 'Kim Jiwoo', country: 'KR', timeZone: 'Asia/Seoul' });
    await portal.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', member.auth).expect(200);
    const poll = await portal
      .http()
      .post(`/api/working-groups/${group.id}/polls`)
      .set('Authorization', admin.auth)
      .send({
        title: 'Spring workshop',
        timeZone: 'Asia/Seoul',
        options: [{ startsAt: '2027-04-06T01:00:00Z', endsAt: '2027-04-06T03:00:00Z' }],
      })
      .expect(201);
    const page = await signedIn(member.email, member.password, { timezoneId: 'Asia/Seoul' });
    await page.goto(`/groups/${group.id}`);
    const polls = page.getByRole('region', { name: 'Finding a time' });
    await polls.getByText('Waiting for your answer').waitFor();
    await polls.getByRole('link', { name: 'Spring workshop' }).click();
    await page.waitForURL(`**/polls/${poll.body.id}`);
    await page.getByRole('heading', { name: /Spring workshop/ }).waitFor();
  });

  it('switches to Chinese and Russian, translating navigation and pages, and keeps the choice across a reload', async () => {
    const member = await portal.fx.member({ displayName: 'Li Wei', country: 'CN', timeZone: 'Asia/Shanghai' });
    const page = await signedIn(member.email, member.password, { locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    for (const language of ['zh', 'ru']) {
      const common = catalogue(language, 'common');
      await page.getByRole('combobox', { name: /Language|语言|Язык/ }).selectOption(language);
      const groupsLink = page.getByRole('navigation').getByRole('link', { name: common.nav.groups, exact: true });
      await groupsLink.waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await groupsLink.click();
      await page.getByRole('heading', { name: catalogue(language, 'groups').title as unknown as string }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await portal.screenshot(page, `groups-${language}`);
    }
    // The choice survives a reload (kept on this device).
    await page.reload();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: catalogue('ru', 'common').nav.groups, exact: true })
      .waitFor();
  });

  it('works at 360 px: no horizontal scrolling on the main pages', async () => {
    const member = await portal.fx.member();
    const page = await signedIn(member.email, member.password, { width: 360 });
    for (const path of ['/', '/groups', '/directory', '/rooms', '/settings']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      expect({ path, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({
        path,
        width: 360,
      });
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
    }
    await portal.screenshot(page, 'settings-360');
  });
});

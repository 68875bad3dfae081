import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { MemberResponse, Page as ListPage } from '@lcc/contracts';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';
import { TEST_ADMIN } from './support/test-app.js';

describeInBrowser(
  'web portal: the coordinator’s desk (registration, rejection, roles, live lists, country names)',
  () => {
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

    const memberByName = async (name: string, status = 'pending'): Promise<MemberResponse | undefined> => {
      const admin = await portal.fx.admin();
      const response = await portal
        .http()
        .get(`/api/members?status=${status}&q=${encodeURIComponent(name)}`)
        .set('Authorization', admin.auth)
        .expect(200);
      return (response.body as ListPage<MemberResponse>).items[0];
    };

    it('registers as an individual expert choosing type and country (nothing preselected); the admin sees it live and rejects it with a reason', async () => {
      const admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
      await admin.goto('/admin');
      const pendingSection = admin.getByRole('region', { name: 'Registrations waiting for approval' });
      await pendingSection.getByText('No registration is waiting.').waitFor();
      const adminLink = admin.getByRole('link', { name: /^Administration/ });
      expect(await adminLink.textContent()).toBe('Administration');

      const visitor = await (await portal.context()).newPage();
      await visitor.goto('/register');
      // Nothing chosen for the applicant.
      expect(await visitor.getByLabel('Member type').inputValue()).toBe('');
      expect(await visitor.getByLabel('Country').inputValue()).toBe('');
      await visitor.getByLabel('E-mail').fill('oyun.expert@example.mn');
      await visitor.getByLabel('Password').fill('Steppe wind 2027 blue');
      await visitor.getByLabel('Full name').fill('Oyuntsetseg Bat');
      await visitor.getByRole('button', { name: 'Register' }).click();
      // Both are asked for; nothing was created.
      await visitor.locator('.field-error').filter({ hasText: 'Please choose the kind of member you are.' }).waitFor();
      await visitor.locator('.field-error').filter({ hasText: 'Please choose your country.' }).waitFor();
      expect(await memberByName('Oyuntsetseg')).toBeUndefined();
      // The expert type and the country, named as the United Nations writes it.
      await visitor.getByLabel('Member type').selectOption({ label: 'Individual expert' });
      await visitor.getByLabel('Country').selectOption({ label: 'Mongolia' });
      expect(await visitor.getByLabel('Country').locator('option', { hasText: 'Korea' }).allTextContents()).toEqual([
        "Democratic People's Republic of Korea",
        'Republic of Korea',
      ]);
      await visitor.getByRole('button', { name: 'Register' }).click();
      await visitor.getByText(/will review it/).waitFor();
      expect(await memberByName('Oyuntsetseg')).toMatchObject({ memberType: 'individual_expert', country: 'MN' });

      // The admin's open page shows it without a reload, and the link counts it.
      await pendingSection.getByRole('button', { name: 'Approve Oyuntsetseg Bat' }).waitFor();
      await adminLink.getByText('Registrations waiting: 1').waitFor();
      expect(await pendingSection.getByText('Mongolia').count()).toBe(1);

      // Rejecting asks for the reason, which the applicant is told.
      await pendingSection.getByRole('button', { name: 'Reject Oyuntsetseg Bat' }).click();
      await pendingSection.getByRole('button', { name: 'Reject the registration' }).click();
      expect((await memberByName('Oyuntsetseg'))?.status).toBe('pending');
      const reason = 'Individual experts join through an invitation from their national focal point.';
      await pendingSection.getByLabel('Reason, sent to Oyuntsetseg Bat by e-mail').fill(reason);
      await pendingSection.getByRole('button', { name: 'Reject the registration' }).click();
      await pendingSection.getByText('No registration is waiting.').waitFor();
      const rejected = admin.getByRole('region', { name: 'Rejected registrations' });
      await rejected.getByText(`Reason: ${reason}`).waitFor();
      expect(await adminLink.textContent()).toBe('Administration');
      // The audit log says what happened, in words.
      const audit = admin.getByRole('region', { name: 'Audit log' });
      const entry = audit.getByRole('row').filter({ hasText: 'Registration rejected' });
      await entry.getByText(`Reason: ${reason}`).waitFor();
      expect(await entry.getByRole('link', { name: 'Member' }).count()).toBe(1);
      expect(await memberByName('Oyuntsetseg', 'rejected')).toMatchObject({
        status: 'rejected',
        rejectionReason: reason,
      });
      expect(await accessibilityViolations(admin)).toEqual([]);
      await portal.screenshot(admin, 'admin-rejected');
    });

    it('asks to confirm a role change, naming the member and the role; offers no suspend on one’s own row', async () => {
      const kim = await portal.fx.member({ displayName: 'Kim Minsu', country: 'KR' });
      const admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
      await admin.goto('/admin');
      const members = admin.getByRole('region', { name: 'Members and roles' });
      const row = members.getByRole('listitem').filter({ hasText: 'Kim Minsu' });
      await row.getByLabel('Network role').selectOption('coordinator');
      const confirm = row.getByRole('alertdialog', { name: 'Change the role' });
      await confirm.getByText('Change the role of Kim Minsu to Coordinator?').waitFor();
      await portal.screenshot(admin, 'admin-role-confirm');
      // Nothing changes until it is confirmed; cancelling puts the choice back.
      expect((await memberByName('Kim Minsu', 'active'))?.role).toBe('member');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await row.getByLabel('Network role').inputValue()).toBe('member');
      await row.getByLabel('Network role').selectOption('coordinator');
      await row.getByRole('button', { name: 'Change the role' }).click();
      await row.getByRole('alertdialog').waitFor({ state: 'detached' });
      expect((await memberByName('Kim Minsu', 'active'))?.role).toBe('coordinator');
      expect(kim.id).toBe((await memberByName('Kim Minsu', 'active'))?.id);

      // Every other active member's row offers Suspend; the admin's own row offers nothing.
      await expect(row.getByRole('button', { name: 'Suspend' }).count()).resolves.toBe(1);
      const own = members.getByRole('listitem').filter({ hasText: TEST_ADMIN.email });
      await own.waitFor();
      expect(await own.getByRole('button').count()).toBe(0);
      expect(await own.getByLabel('Network role').count()).toBe(0);
    });

    it('shows a member approved elsewhere in an open directory without a reload', async () => {
      const reader = await portal.fx.member({ displayName: 'Reader Ivanova', country: 'RU' });
      const page = await signedIn(reader.email, reader.password);
      await page.goto('/directory');
      const results = page.getByRole('list', { name: 'Members found' });
      await results.getByText('Reader Ivanova').waitFor();
      const pending = await portal.fx.pendingMember({ displayName: 'Newcomer Tsend', country: 'MN' });
      expect(await results.getByText('Newcomer Tsend').count()).toBe(0);
      const admin = await portal.fx.admin();
      await portal.http().post(`/api/members/${pending.id}/approve`).set('Authorization', admin.auth).expect(200);
      await results.getByText('Newcomer Tsend').waitFor();
    });

    it('names countries as the United Nations writes them in English, Russian and Mongolian, with Mongolian dates', async () => {
      const subject = await portal.fx.member({
        displayName: 'Ri Chol',
        country: 'KP',
        city: 'Pyongyang',
        timeZone: 'Asia/Pyongyang',
      });
      const expected = {
        en: "Democratic People's Republic of Korea",
        ru: 'Корейская Народно-Демократическая Республика',
        mn: 'Бүгд Найрамдах Ардчилсан Солонгос Ард Улс',
      };
      for (const [language, name] of Object.entries(expected)) {
        const reader = await portal.fx.member({ language: language as 'en' | 'ru' | 'mn' });
        const page = await signedIn(reader.email, reader.password);
        await page.goto(`/members/${subject.id}`);
        await page.getByText(`Pyongyang, ${name}`).waitFor();
        if (language !== 'mn') continue;
        // The local time reads as Mongolian writes it: a 24-hour clock, a Mongolian weekday, no English.
        const local = await page.locator('dd', { hasText: 'Asia/Pyongyang' }).textContent();
        expect(local).toMatch(/^(Ня|Да|Мя|Лх|Пү|Ба|Бя) \d{2}:\d{2} \(GMT\+9\) \(Asia\/Pyongyang\)$/);
        // The calendar names the month as CLDR writes it in Mongolian (Node has the data the browser lacks).
        await page.goto('/meetings');
        const month = new Intl.DateTimeFormat('mn', {
          month: 'long',
          year: 'numeric',
          timeZone: reader.profile.timeZone,
        });
        await page.getByText(month.format(new Date()), { exact: true }).first().waitFor();
        // Countries outside the network come from the shipped Mongolian names, never a bare code.
        const visitor = await (await portal.context({ locale: 'mn-MN' })).newPage();
        await visitor.goto('/register');
        await visitor.locator('select[name="country"] option', { hasText: 'Герман' }).waitFor({ state: 'attached' });
        const options = await visitor.locator('select[name="country"] option').allTextContents();
        expect(options).toContain('Герман');
        expect(options).toContain('Монгол Улс');
        expect(options).toContain('Оросын Холбооны Улс');
        expect(options.filter((text) => /^[A-Z]{2}$/.test(text))).toEqual([]);
        await portal.screenshot(visitor, 'register-mn');
      }
    });
  },
);

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import type { TestMember } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

describeInBrowser('web portal: privacy settings, download my data, account deletion', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal({ env: { DATA_EXPORT_POLL_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const me = async (member: TestMember) =>
    (await portal.http().get('/api/members/me').set('Authorization', member.auth).expect(200)).body as {
      privacy: { directoryVisibility: string; shownContactFields: string[] };
    };

  async function openSettings(member: TestMember, locale = 'en-GB'): Promise<Page> {
    const context = await portal.context({ locale });
    const page = await context.newPage();
    await portal.signIn(page, member.email, member.password);
    await page.goto('/settings');
    return page;
  }

  async function signInRefused(member: TestMember): Promise<void> {
    const response = await portal
      .http()
      .post('/api/auth/login')
      .send({ email: member.email, password: member.password });
    expect([response.status, response.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  }

  it('changes visibility, prepares and downloads the archive, then deletes the account', async () => {
    const member = await portal.fx.member({ displayName: 'Browser Privacy', city: 'Khovd' });
    await portal.fx.message(member, (await portal.fx.room(member)).id, '=1+1 looks like a formula');
    const page = await openSettings(member);

    // Directory: my groups only, the e-mail shown, the city not.
    const directory = page.getByRole('form', { name: 'Privacy: who finds you' });
    await directory.getByLabel(/My working groups only/).check();
    await directory.getByLabel('E-mail address').check();
    await directory.getByLabel('City').uncheck();
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/members/me') && response.request().method() === 'PATCH',
    );
    await directory.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await expect(directory.getByRole('status').textContent()).resolves.toBe('Saved');
    expect((await me(member)).privacy).toEqual({
      directoryVisibility: 'groups',
      shownContactFields: ['email', 'organization'],
    });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Download my data: asked, prepared in the background (the page polls), downloaded.
    const exportSection = page.getByRole('region', { name: 'Download my data' });
    await exportSection.getByRole('button', { name: 'Prepare my archive' }).click();
    const downloadButton = exportSection.getByRole('button', { name: 'Download the archive' });
    await downloadButton.waitFor();
    await expect(exportSection.getByRole('status').textContent()).resolves.toMatch(/Your archive is ready/);
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^lcc-portal-data-\d{4}-\d\d-\d\d\.zip$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const profile = JSON.parse(await zip.file('profile.json')!.async('string'));
    expect(profile).toMatchObject({ id: member.id, display_name: 'Browser Privacy', directory_visibility: 'groups' });
    await expect(zip.file('messages.csv')!.async('string')).resolves.toContain("'=1+1 looks like a formula");

    // Delete my account: a wrong password is refused in place; the right one signs out.
    const deletion = page.getByRole('region', { name: 'Delete my account' });
    await deletion.getByRole('button', { name: 'Delete my account…' }).click();
    await deletion.getByLabel('Remove their text').check();
    await deletion.getByLabel('Your password, to confirm').fill('not-the-password');
    await deletion.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect(deletion.getByRole('alert').textContent()).resolves.toBe('The current password is wrong.');
    await expect(me(member)).resolves.toBeTruthy();

    await deletion.getByLabel('Your password, to confirm').fill(member.password);
    await deletion.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signInRefused(member);
    await page.context().close();
  });

  it('works in Chinese, and an admin deletes a member from their profile', async () => {
    const member = await portal.fx.member({ displayName: '王小明', language: 'zh' });
    const page = await openSettings(member, 'zh-CN');
    const directory = page.getByRole('form', { name: '隐私：谁能找到你' });
    await directory.getByLabel(/任何人都不能/).check();
    await directory.getByRole('button', { name: '保存' }).click();
    await directory.getByRole('status').waitFor();
    expect((await me(member)).privacy.directoryVisibility).toBe('hidden');
    expect(await accessibilityViolations(page)).toEqual([]);
    const exportSection = page.getByRole('region', { name: '下载我的数据' });
    await exportSection.getByRole('button', { name: '准备我的压缩包' }).click();
    await exportSection.getByRole('button', { name: '下载压缩包' }).waitFor();
    await expect(exportSection.getByRole('status').textContent()).resolves.toMatch(/^你的压缩包已准备好/);
    await page.context().close();

    // Hidden from members, but the secretariat still finds and deletes the account.
    const colleague = await portal.fx.member({ language: 'zh' });
    const room = await portal.fx.room(colleague, { memberIds: [member.id] });
    await portal.fx.message(member, room.id, '再见，各位');
    await portal.http().get(`/api/members/${member.id}`).set('Authorization', colleague.auth).expect(404);
    const admin = await portal.fx.admin();
    // The admin reads the portal in their own saved language (English).
    const adminContext = await portal.context();
    const adminPage = await adminContext.newPage();
    await portal.signIn(adminPage, admin.email, admin.password);
    await adminPage.goto(`/members/${member.id}`);
    await adminPage.getByRole('button', { name: 'Delete account' }).click();
    const dialog = adminPage.getByRole('alertdialog', { name: 'Delete the account' });
    await expect(dialog.textContent()).resolves.toContain('Delete the account of 王小明?');
    const deleted = adminPage.waitForResponse((response) =>
      response.url().endsWith(`/api/members/${member.id}/deletion`),
    );
    await dialog.getByRole('button', { name: 'Delete the account' }).click();
    expect((await deleted).status()).toBe(204);
    await signInRefused(member);
    await adminContext.close();

    // Her message stays, signed "Former member" in the reader's language.
    const readerContext = await portal.context({ locale: 'zh-CN' });
    const reader = await readerContext.newPage();
    await portal.signIn(reader, colleague.email, colleague.password);
    await reader.goto(`/rooms/${room.id}`);
    const item = reader.locator('li', { hasText: '再见，各位' }).first();
    await expect(item.locator('strong').first().textContent()).resolves.toBe('前成员');
    await readerContext.close();
  });
});

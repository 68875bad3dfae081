import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { TestGroup, TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

const main = (page: Page) => page.locator('main');

describeInBrowser('web portal: groups and people', () => {
  let portal: BrowserPortal;
  let coordinator: TestMember;
  let lead: TestMember;
  let asker: TestMember;
  let wang: TestMember;
  let group: TestGroup;

  beforeAll(async () => {
    portal = await startBrowserPortal();
    coordinator = await portal.fx.member({ role: 'coordinator', displayName: 'Sarah Lindqvist' });
    // The lead reads the portal in Russian, the member who asks to join in Japanese.
    lead = await portal.fx.member({ displayName: 'Ольга Петрова', language: 'ru', country: 'RU' });
    asker = await portal.fx.member({ displayName: '田中 愛子', language: 'ja', country: 'JP' });
    wang = await portal.fx.member({ displayName: '王小明', country: 'CN', organization: 'Tianjin Eco-City' });
    group = await portal.fx.group(coordinator, { name: 'Heat Pump Circle', visibility: 'private' });
    await portal.fx.addMember(group, lead, { role: 'lead' });
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  let pageErrors: string[] = [];
  beforeEach(() => {
    pageErrors = [];
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function openPage(): Promise<Page> {
    const page = await (await portal.context()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  it('a coordinator finds a member by a Chinese name with the picker and adds them', async () => {
    const page = await openPage();
    await portal.signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: 'Heat Pump Circle' }).waitFor();
    const picker = main(page).getByRole('group', { name: 'Add a member' });
    await picker.getByLabel('Find people by name').fill('小明');
    await picker.getByRole('button', { name: 'Add 王小明' }).click();
    const members = main(page).getByRole('region', { name: 'Members' });
    await members.getByRole('link', { name: '王小明' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'group-people');
    const rows = await sql(
      portal.databaseUrl,
      'SELECT role, status FROM working_group_members WHERE working_group_id = $1 AND member_id = $2',
      [group.id, wang.id],
    );
    expect(rows).toEqual([{ role: 'member', status: 'active' }]);
    // Found again, the member shows as already in the group.
    await picker.getByLabel('Find people by name').fill('王');
    await picker.getByText('already in the group').waitFor();
    expect(await picker.getByRole('button', { name: 'Add 王小明' }).count()).toBe(0);
  });

  it("a member asks to join; the Russian lead's and the coordinator's counts rise live, and approving clears them", async () => {
    const leadPage = await openPage();
    await portal.signIn(leadPage, lead.email, lead.password);
    await leadPage.goto(`/groups/${group.id}`);
    await leadPage.getByRole('heading', { level: 1, name: 'Heat Pump Circle' }).waitFor();
    expect(await leadPage.locator('html').getAttribute('lang')).toBe('ru');
    expect(await main(leadPage).getByText('заявка ждёт решения').count()).toBe(0);
    // Network staff decide too: the coordinator watches the list of groups.
    const staffPage = await openPage();
    await portal.signIn(staffPage, coordinator.email, coordinator.password);
    await staffPage.goto('/groups');
    const card = main(staffPage)
      .getByRole('listitem')
      .filter({ has: staffPage.getByRole('link', { name: 'Heat Pump Circle' }) });
    await card.waitFor();
    expect(await card.getByText('request waiting').count()).toBe(0);

    const askerPage = await openPage();
    await portal.signIn(askerPage, asker.email, asker.password);
    await askerPage.goto(`/groups/${group.id}`);
    await main(askerPage).getByRole('button', { name: '参加を申請する' }).click();
    await main(askerPage).getByRole('status').filter({ hasText: '申請中' }).waitFor();

    // The lead's page, open since before the request, shows it without a reload.
    await main(leadPage).getByRole('status').filter({ hasText: '1 заявка ждёт решения' }).waitFor();
    await card.getByRole('status').filter({ hasText: '1 request waiting' }).waitFor();
    await portal.screenshot(leadPage, 'group-requests-ru');
    await main(leadPage).getByRole('button', { name: 'Одобрить: 田中 愛子' }).click();
    await main(leadPage).getByRole('region', { name: 'Участники' }).getByRole('link', { name: '田中 愛子' }).waitFor();
    await main(leadPage).getByText('заявка ждёт решения').first().waitFor({ state: 'detached' });
    await card.getByText('request waiting').waitFor({ state: 'detached' });
    const rows = await sql(
      portal.databaseUrl,
      'SELECT status FROM working_group_members WHERE working_group_id = $1 AND member_id = $2',
      [group.id, asker.id],
    );
    expect(rows).toEqual([{ status: 'active' }]);
  });

  it('a coordinator makes the group hidden, renames it and archives it; the list shows it under the archived filter', async () => {
    const page = await openPage();
    await portal.signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/groups/${group.id}`);
    await main(page).getByRole('button', { name: 'Edit the group' }).click();
    const form = main(page).getByRole('form', { name: 'Edit Heat Pump Circle' });
    await form.getByLabel('Name').fill('Heat Pump Circle (closed)');
    await form.getByLabel('Who can join').selectOption('hidden');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Heat Pump Circle (closed)' }).waitFor();
    await main(page).getByRole('button', { name: 'Archive the group' }).click();
    await main(page).getByText('This group is archived').waitFor();
    await portal.screenshot(page, 'group-archived');
    expect(await main(page).getByRole('group', { name: 'Add a member' }).count()).toBe(0);
    const [stored] = await sql(
      portal.databaseUrl,
      'SELECT name, visibility, archived_at FROM working_groups WHERE id = $1',
      [group.id],
    );
    expect(stored).toMatchObject({ name: 'Heat Pump Circle (closed)', visibility: 'hidden' });
    expect(stored.archived_at).not.toBeNull();

    await page.goto('/groups');
    await main(page).getByRole('heading', { level: 1 }).waitFor();
    expect(await main(page).getByRole('link', { name: 'Heat Pump Circle (closed)' }).count()).toBe(0);
    await main(page).getByLabel('Show').selectOption('archived');
    await main(page).getByRole('button', { name: 'Filter' }).click();
    await main(page).getByRole('link', { name: 'Heat Pump Circle (closed)' }).waitFor();
  });
});

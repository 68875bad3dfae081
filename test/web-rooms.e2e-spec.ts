import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeInBrowser, startBrowserPortal, type BrowserPortal } from './support/browser.js';

describeInBrowser('web portal: finding rooms and people', () => {
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

  it('a direct message reaches the other member live; the directory finds and joins a room at 390 px in Russian', async () => {
    const alice = await portal.fx.member({ displayName: 'Alice Tanaka' });
    const bob = await portal.fx.member({ displayName: 'Борис Иванов', language: 'ru' });
    await portal
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'Экомаркировка типа I', topic: 'Критерии и сертификация', visibility: 'public' })
      .expect(201);

    const bobPage = await signedIn(bob.email, bob.password, { locale: 'ru-RU', width: 390 });
    await bobPage.goto('/rooms');
    await bobPage.getByRole('heading', { name: 'Комнаты' }).waitFor();

    const alicePage = await signedIn(alice.email, alice.password);
    await alicePage.goto('/rooms');
    await alicePage.getByRole('button', { name: 'New direct message' }).click();
    await alicePage.getByLabel('Find people').fill('Борис');
    await alicePage.getByRole('button', { name: 'Борис Иванов' }).click();
    await alicePage.getByRole('button', { name: 'Start conversation' }).click();
    await alicePage.getByRole('heading', { level: 1, name: 'Борис Иванов' }).waitFor();
    const composer = alicePage.getByLabel('Message Борис Иванов');
    await composer.fill('Добрый день, Борис!');
    await composer.press('Enter');
    await alicePage.locator('.message-body', { hasText: 'Добрый день, Борис!' }).waitFor();

    // Without a reload, Bob's list shows the conversation, named after Alice, with its unread badge.
    const entry = bobPage.locator('.room-list li', { has: bobPage.getByRole('link', { name: 'Alice Tanaka' }) });
    await entry.waitFor();
    await expect(entry.locator('.badge').textContent()).resolves.toBe('1');
    await portal.screenshot(bobPage, 'rooms-direct-phone');

    await bobPage.getByRole('link', { name: 'Каталог комнат' }).first().click();
    await bobPage.getByLabel('Поиск комнат по названию или теме').fill('экомарк');
    const card = bobPage.locator('.directory-list li', { hasText: 'Экомаркировка типа I' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('1 участник');
    expect(await bobPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await portal.screenshot(bobPage, 'rooms-directory-ru-phone');
    await card.getByRole('button', { name: 'Присоединиться' }).click();
    await bobPage.getByRole('heading', { level: 1, name: 'Экомаркировка типа I' }).waitFor();
    // On a phone the room is a view of its own; its list, one step back, already holds the room joined.
    expect(await bobPage.locator('.room-list').isVisible()).toBe(false);

    // Muting it from the room (its people and settings open over it) hides its badge in the list.
    await bobPage.getByRole('button', { name: 'Участники и настройки' }).click();
    await bobPage.getByLabel('Уведомлять о').selectOption('nothing');
    await bobPage.getByRole('complementary').getByRole('button', { name: 'Закрыть' }).click();
    await bobPage.getByRole('link', { name: 'К моим комнатам' }).click();
    await bobPage.locator('.room-list').getByRole('link', { name: 'Экомаркировка типа I' }).waitFor();
    await bobPage.locator('.room-list li', { hasText: 'без звука' }).waitFor();

    // A private room Alice opens with Bob in it enters his list at once, its first message counted unread.
    const room = await portal.fx.room(alice, { name: 'Бюджет 2027', visibility: 'private', memberIds: [bob.id] });
    await portal.fx.message(alice, room.id, 'Черновик бюджета готов');
    const added = bobPage.locator('.room-list li', { has: bobPage.getByRole('link', { name: 'Бюджет 2027' }) });
    await added.waitFor();
    await expect(added.locator('.badge').textContent()).resolves.toBe('1');
  }, 120_000);

  it('a room joined from the directory is in the list beside it at once (desktop)', async () => {
    const carol = await portal.fx.member({ displayName: 'Carol Lee' });
    const dave = await portal.fx.member({ displayName: 'Dave Kim' });
    await portal.fx.room(carol, { name: 'Eco-label criteria', visibility: 'public' });
    const page = await signedIn(dave.email, dave.password);
    await page.goto('/rooms/directory');
    await page.getByLabel('Search rooms by name or topic').fill('eco-label');
    const card = page.locator('.directory-list li', { hasText: 'Eco-label criteria' });
    await card.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eco-label criteria' }).waitFor();
    await page.locator('.room-list').getByRole('link', { name: 'Eco-label criteria' }).waitFor();
  }, 60_000);
});

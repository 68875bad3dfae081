import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { MessageResponse, RoomResponse } from '@lcc/contracts';
import { connectSocket, type PortalClient, type TestMember, waitForEvent } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

describeInBrowser('web portal: one search box, and permalinks to messages', () => {
  let portal: BrowserPortal;
  let alice: TestMember;
  let kenji: TestMember;
  let olga: TestMember;
  let roomId: string;
  const sockets: PortalClient[] = [];
  const TARGET = '水素ステーションの整備計画について相談します';

  beforeAll(async () => {
    portal = await startBrowserPortal();
    alice = await portal.fx.member({ role: 'coordinator', displayName: 'Alice Tanaka' });
    kenji = await portal.fx.member({ displayName: '佐藤 健二', language: 'ja' });
    olga = await portal.fx.member({ displayName: 'Olga Petrova' });
    const room = await portal
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'Hydrogen towns', visibility: 'private', memberIds: [kenji.id] })
      .expect(201);
    roomId = (room.body as RoomResponse).id;
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await portal?.close();
  });

  const signedIn = async (member: TestMember, locale = 'en-GB', width = 1280): Promise<Page> => {
    const page = await (await portal.context({ locale, width })).newPage();
    await portal.signIn(page, member.email, member.password);
    return page;
  };

  const post = async (author: TestMember, body: string) =>
    (
      await portal
        .http()
        .post(`/api/rooms/${roomId}/messages`)
        .set('Authorization', author.auth)
        .send({ clientId: randomUUID(), body })
        .expect(201)
    ).body as MessageResponse;

  const roomOf = async (member: TestMember) =>
    (await portal.http().get(`/api/rooms/${roomId}`).set('Authorization', member.auth).expect(200))
      .body as RoomResponse;

  /** Seqs of the messages wholly inside the timeline's visible box. */
  const seqsInView = (page: Page) =>
    page.evaluate(`(() => {
      const timeline = document.querySelector('.timeline').getBoundingClientRect();
      return [...document.querySelectorAll('.timeline [data-seq]')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= timeline.top - 1 && box.bottom <= timeline.bottom + 1;
        })
        .map((element) => Number(element.dataset.seq));
    })()`) as Promise<number[]>;

  it('finds a message from the header, opens it highlighted in its room, and shares a permalink', async () => {
    // History before and after the message, so that it is far from the newest page.
    for (let i = 1; i <= 30; i++) await post(alice, `Earlier planning note ${i}`);
    const alicePage = await signedIn(alice);
    await alicePage.goto(`/rooms/${roomId}`);
    await alicePage.locator('.timeline[aria-busy="false"]').waitFor();
    const composer = alicePage.getByLabel('Message Hydrogen towns');
    await composer.fill(TARGET);
    await composer.press('Enter');
    const written = alicePage.locator('.message[data-seq]', { hasText: TARGET });
    await written.waitFor();
    const targetSeq = Number(await written.getAttribute('data-seq'));
    let last: MessageResponse | undefined;
    for (let i = 1; i <= 250; i++) last = await post(alice, `Later planning note ${i}`);

    // Kenji (Japanese) hears of every move of his read marker.
    const kenjiSocket = await connectSocket(portal.url, kenji.accessToken);
    sockets.push(kenjiSocket);
    const firstRead = waitForEvent(kenjiSocket, 'unread.updated', (p) => p.roomId === roomId, 60_000);

    const page = await signedIn(kenji, 'ja-JP');
    const box = page.getByRole('search').getByLabel('ポータル内を検索');
    await box.fill('水素');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '水素');
    const hit = page.locator('.search-results.messages .search-hit', { hasText: '水素' });
    await hit.first().waitFor();
    await expect(hit.count()).resolves.toBe(1);
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('水素');
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'search-results-ja');

    await hit.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/rooms/${roomId}/messages/${targetSeq}`);
    await page.locator('.timeline[aria-busy="false"]').waitFor();
    const highlighted = page.locator('.message.highlighted');
    await expect(highlighted.textContent()).resolves.toContain(TARGET);
    await expect(highlighted.getAttribute('data-seq')).resolves.toBe(String(targetSeq));
    expect(await seqsInView(page)).toContain(targetSeq);
    // The newest messages are not loaded below the window: the room offers them, and "jump to latest".
    expect(await page.locator('.message[data-seq]', { hasText: 'Later planning note 250' }).count()).toBe(0);
    await page.getByRole('button', { name: '新しいメッセージを読み込む' }).waitFor();
    // The page ends with the room: what the timeline holds (hidden words included) scrolls inside it, not below it.
    const below = (await page.evaluate(
      `document.documentElement.scrollHeight - (document.querySelector('.room-view').getBoundingClientRect().bottom + window.scrollY)`,
    )) as number;
    expect(below).toBeLessThan(200);
    await portal.screenshot(page, 'search-permalink-ja');

    // Kenji copies the message's link; Alice opens it and lands on the same message.
    await highlighted.getByRole('button', { name: 'リンクをコピー' }).click();
    const link = await highlighted.locator('.copy-link').getAttribute('data-link');
    expect(link).toBe(`${portal.url}/rooms/${roomId}/messages/${targetSeq}`);
    await expect(highlighted.locator('.permalink').getAttribute('href')).resolves.toBe(
      `/rooms/${roomId}/messages/${targetSeq}`,
    );
    await alicePage.goto(link!);
    await alicePage.locator('.timeline[aria-busy="false"]').waitFor();
    await expect(alicePage.locator('.message.highlighted').getAttribute('data-seq')).resolves.toBe(String(targetSeq));
    expect(await seqsInView(alicePage)).toContain(targetSeq);

    // Olga is not in the room: the link says so plainly, and shows nothing of it.
    const olgaPage = await signedIn(olga);
    await olgaPage.goto(link!);
    await olgaPage.getByRole('heading', { name: 'This room cannot be opened' }).waitFor();
    expect(await olgaPage.locator('.message').count()).toBe(0);
    expect(await accessibilityViolations(olgaPage)).toEqual([]);
    await olgaPage.close();

    // Nothing was marked read by opening the message far past Kenji's marker; the newest, once shown, is.
    await page.getByRole('button', { name: '最新へ移動' }).click();
    await page.waitForURL((url) => url.pathname === `/rooms/${roomId}`);
    const read = await firstRead;
    expect(read.lastReadSeq).toBe(last!.seq);
    await page.locator('.message[data-seq]', { hasText: 'Later planning note 250' }).waitFor();
    expect(await seqsInView(page)).toContain(last!.seq);
    expect((await roomOf(kenji)).unreadCount).toBe(0);
    await page.close();
    await alicePage.close();
  }, 180_000);

  it('pages newer messages below a permalink as the reader scrolls down', async () => {
    const page = await signedIn(alice);
    const target = (await portal.http().get('/api/search').query({ q: '水素' }).set('Authorization', alice.auth))
      .body as { messages: { seq: number }[] };
    await page.goto(`/rooms/${roomId}/messages/${target.messages[0]!.seq}`);
    await page.locator('.timeline[aria-busy="false"]').waitFor();
    // Scrolling to the end of each window brings the next page, until the newest message is there.
    const newest = page.locator('.message[data-seq]', { hasText: 'Later planning note 250' });
    for (let round = 0; round < 10 && (await newest.count()) === 0; round++) {
      const before = await page.locator('.timeline [data-seq]').count();
      await page.evaluate(`(() => { const t = document.querySelector('.timeline'); t.scrollTop = t.scrollHeight; })()`);
      await page.locator('.timeline [data-seq]').nth(before).waitFor();
    }
    await newest.waitFor();
    await expect(page.getByRole('button', { name: 'Load newer messages' }).count()).resolves.toBe(0);
    // Every seq between is there once: the window grew without a gap.
    const seqs = (await page.evaluate(
      `[...document.querySelectorAll('.timeline [data-seq]')].map((e) => Number(e.dataset.seq))`,
    )) as number[];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]! - seqs[i - 1]!).toBe(1);
    // Live again: a message written now shows up at the bottom.
    const fresh = await post(kenji, 'Live after the window reached the end');
    await page.locator('.message[data-seq]', { hasText: fresh.body }).waitFor();
    await page.close();
  }, 120_000);

  it('narrows messages by room, person and date from the messages tab', async () => {
    const page = await signedIn(kenji, 'ja-JP');
    await page.goto(`/search?q=${encodeURIComponent('水素')}&tab=messages`);
    const hits = page.locator('.search-results.messages .search-hit');
    await hits.first().waitFor();
    await page.getByLabel('ルーム', { exact: true }).selectOption({ label: 'Hydrogen towns' });
    await page.waitForURL((url) => url.searchParams.get('roomId') === roomId);
    await hits.first().waitFor();
    // Written by: Alice, chosen with the people picker.
    await page.getByLabel('投稿者').fill('Alice');
    await page.getByRole('button', { name: 'Alice Tanaka' }).click();
    await page.waitForURL((url) => url.searchParams.get('authorId') === alice.id);
    await expect(hits.count()).resolves.toBe(1);
    // From tomorrow: nothing yet.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('開始日').fill(tomorrow);
    await page.getByText('見つかりませんでした。').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '絞り込みを解除' }).click();
    await hits.first().waitFor();
    await page.close();
  }, 120_000);

  it('at 390 px the header keeps one row: the search opens from an icon and shows results', async () => {
    const page = await signedIn(kenji, 'ja-JP', 390);
    await page.goto('/');
    await page.locator('header.top .search-open').waitFor();
    await expect(page.locator('header.top .header-search').isVisible()).resolves.toBe(false);
    const rowTops = (await page.evaluate(`(() => {
      const header = document.querySelector('header.top');
      return [...header.children]
        .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)
        .map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
    })()`)) as number[];
    expect(Math.max(...rowTops) - Math.min(...rowTops)).toBeLessThanOrEqual(6);
    await page.getByRole('link', { name: 'ポータル内を検索' }).click();
    await page.waitForURL((url) => url.pathname === '/search');
    const field = page.getByLabel('検索する語');
    await field.fill('佐藤');
    await field.press('Enter');
    await page.locator('.search-results.members .search-hit', { hasText: '佐藤 健二' }).waitFor();
    const overflow = (await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')) as boolean;
    expect(overflow).toBe(false);
    await portal.screenshot(page, 'search-phone-ja');
    await page.close();
  }, 120_000);
});

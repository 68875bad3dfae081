import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { MessageResponse, RoomResponse, ThreadSummary } from '@lcc/contracts';
import { connectSocket, type PortalClient, type TestMember, waitForEvent } from '@lcc/testing';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

describeInBrowser('web portal: reading and writing in a room', () => {
  let portal: BrowserPortal;
  let alice: TestMember;
  let mei: TestMember;
  let roomId: string;
  const sockets: PortalClient[] = [];

  beforeAll(async () => {
    portal = await startBrowserPortal();
    alice = await portal.fx.member({ role: 'coordinator', displayName: 'Alice Tanaka' });
    mei = await portal.fx.member({ displayName: '王美', language: 'zh' });
    const room = await portal
      .http()
      .post('/api/rooms')
      .set('Authorization', alice.auth)
      .send({ kind: 'topic', name: 'Reading room', visibility: 'private', memberIds: [mei.id] })
      .expect(201);
    roomId = (room.body as RoomResponse).id;
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await portal?.close();
  });

  const signedIn = async (member: TestMember, locale = 'en-GB'): Promise<Page> => {
    const page = await (await portal.context({ locale })).newPage();
    await portal.signIn(page, member.email, member.password);
    return page;
  };

  const post = async (author: TestMember, body: string, extra: Record<string, unknown> = {}) =>
    (
      await portal
        .http()
        .post(`/api/rooms/${roomId}/messages`)
        .set('Authorization', author.auth)
        .send({ clientId: randomUUID(), body, ...extra })
        .expect(201)
    ).body as MessageResponse;

  const roomOf = async (member: TestMember) =>
    (await portal.http().get(`/api/rooms/${roomId}`).set('Authorization', member.auth).expect(200))
      .body as RoomResponse;

  /** Seqs of the room's messages wholly inside the timeline's visible box. */
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

  it('opens at the first unread message under a divider and marks read only what was on screen', async () => {
    const earlier = [];
    for (let i = 1; i <= 3; i++) earlier.push(await post(alice, `Earlier note ${i}`));
    await portal
      .http()
      .post(`/api/rooms/${roomId}/read`)
      .set('Authorization', mei.auth)
      .send({ seq: earlier.at(-1)!.seq })
      .expect(200);
    const unread: MessageResponse[] = [];
    for (let i = 1; i <= 20; i++) unread.push(await post(alice, `Unread report ${i}\nsecond line of report ${i}`));
    const first = unread[0]!.seq;
    const last = unread.at(-1)!.seq;

    // Mei's own socket hears every move of her marker, whichever tab made it.
    const meiSocket = await connectSocket(portal.url, mei.accessToken);
    sockets.push(meiSocket);
    const firstRead = waitForEvent(meiSocket, 'unread.updated', (p) => p.roomId === roomId, 15_000);

    const page = await signedIn(mei, 'zh-CN');
    await page.goto(`/rooms/${roomId}`);
    await page.locator('.timeline[aria-busy="false"]').waitFor();
    const divider = page.locator('.unread-marker');
    await expect(divider.textContent()).resolves.toBe('新消息');
    // The divider stands right before the first unread message, and that message is on screen.
    await expect(page.locator('.unread-marker + .message').getAttribute('data-seq')).resolves.toBe(String(first));
    const inView = await seqsInView(page);
    expect(inView).toContain(first);
    expect(inView).not.toContain(last);

    // The marker moved to what was seen, not to the newest message.
    const read = await firstRead;
    expect(read.lastReadSeq).toBeGreaterThanOrEqual(first);
    expect(read.lastReadSeq).toBeLessThan(last);
    expect(read.lastReadSeq).toBeLessThanOrEqual(Math.max(...(await seqsInView(page))));
    expect((await roomOf(mei)).lastReadSeq).toBe(read.lastReadSeq);
    await portal.screenshot(page, 'reading-unread-zh');

    // "Jump to latest" shows the newest, which marks everything read.
    const allRead = waitForEvent(meiSocket, 'unread.updated', (p) => p.roomId === roomId && p.lastReadSeq === last);
    await page.getByRole('button', { name: '跳到最新' }).click();
    await allRead;
    expect(await seqsInView(page)).toContain(last);
    expect((await roomOf(mei)).unreadCount).toBe(0);

    // The divider is now out of sight; "jump to first unread" brings it back.
    await page.getByRole('button', { name: '跳到第一条未读' }).click();
    await expect(seqsInView(page)).resolves.toContain(first);
    // Writing from up there brings the view down to what was written.
    const composer = page.getByLabel('发消息到 Reading room');
    await composer.fill('已读，谢谢');
    await composer.press('Enter');
    const mine = page.locator('.message[data-seq]', { hasText: '已读，谢谢' });
    await mine.waitFor();
    await expect(seqsInView(page)).resolves.toContain(Number(await mine.getAttribute('data-seq')));
    await page.close();
  }, 120_000);

  it('draws Markdown as formatting, and HTML or a javascript: link as plain text', async () => {
    const page = await signedIn(mei, 'zh-CN');
    await page.goto(`/rooms/${roomId}`);
    await page.locator('.timeline[aria-busy="false"]').waitFor();
    await post(
      alice,
      [
        '**Bold plan** and _careful_ steps',
        'with `npm test`',
        '- first item',
        '- second item',
        '',
        '> quoted line',
        '',
        'Read [the guide](https://example.org/guide) or write to mailto:secretariat@example.org',
        '',
        '```',
        'const answer = 42;',
        '```',
      ].join('\n'),
    );
    const hostile =
      '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> [click](javascript:alert(1))';
    await post(alice, hostile);

    const rich = page.locator('.message-body', { hasText: 'Bold plan' });
    await rich.waitFor();
    await expect(rich.locator('strong').textContent()).resolves.toBe('Bold plan');
    await expect(rich.locator('em').textContent()).resolves.toBe('careful');
    await expect(rich.locator('p > code').textContent()).resolves.toBe('npm test');
    await expect(rich.locator('p > br').count()).resolves.toBe(1);
    await expect(rich.locator('ul > li').allTextContents()).resolves.toEqual(['first item', 'second item']);
    await expect(rich.locator('blockquote').textContent()).resolves.toContain('quoted line');
    await expect(rich.locator('pre > code').textContent()).resolves.toBe('const answer = 42;\n');
    const guide = rich.getByRole('link', { name: 'the guide' });
    await expect(guide.getAttribute('href')).resolves.toBe('https://example.org/guide');
    await expect(guide.getAttribute('target')).resolves.toBe('_blank');
    await expect(guide.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(rich.getByRole('link', { name: 'secretariat@example.org' }).getAttribute('href')).resolves.toBe(
      'mailto:secretariat@example.org',
    );

    const bad = page.locator('.message-body', { hasText: 'window.pwned' });
    await bad.waitFor();
    await expect(bad.textContent()).resolves.toBe(hostile);
    await expect(bad.locator('script, img, a').count()).resolves.toBe(0);
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
    // Opened with everything read: what arrives while the room is open gets no "new messages" divider.
    await expect(page.locator('.unread-marker').count()).resolves.toBe(0);
    await portal.screenshot(page, 'reading-markdown-zh');
    await page.close();
  }, 120_000);

  it("finds an emoji by name in the reader's language or in English, reacts with it and closes the picker", async () => {
    const message = await post(alice, 'Launch plan for the district heating pilot');
    const alicePage = await signedIn(alice);
    await alicePage.goto(`/rooms/${roomId}`);
    const page = await signedIn(mei, 'zh-CN');
    await page.goto(`/rooms/${roomId}`);
    const item = page.locator(`.message[data-seq="${message.seq}"]`);
    await item.waitFor();

    const open = item.getByRole('button', { name: '添加回应' });
    await open.click();
    const picker = item.getByRole('dialog', { name: '选择表情' });
    // Escape closes it and gives the focus back.
    await picker.getByLabel('按名称搜索表情').press('Escape');
    await expect(picker.count()).resolves.toBe(0);
    await expect(open.evaluate((button) => button === button.ownerDocument.activeElement)).resolves.toBe(true);
    await open.click();
    const search = picker.getByLabel('按名称搜索表情');
    await picker.getByRole('heading', { name: '笑脸和情感' }).waitFor();
    await search.fill('rocket');
    await picker.getByRole('group', { name: '找到的表情' }).getByRole('button', { name: '火箭' }).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await search.fill('火箭');
    const found = picker.getByRole('group', { name: '找到的表情' }).getByRole('button');
    await expect(found.allTextContents()).resolves.toContain('🚀');
    await portal.screenshot(page, 'reading-emoji-zh');
    await picker.getByRole('button', { name: '火箭' }).click();

    await expect(picker.count()).resolves.toBe(0);
    const mine = item.locator('.reaction', { hasText: '🚀' });
    await mine.waitFor();
    await expect(mine.getAttribute('aria-pressed')).resolves.toBe('true');
    // The other member sees it live.
    await alicePage.locator(`.message[data-seq="${message.seq}"] .reaction`, { hasText: '🚀 1' }).waitFor();
    await expect(
      portal
        .http()
        .get(`/api/rooms/${roomId}/messages`)
        .query({ after: message.seq - 1, limit: 1 })
        .set('Authorization', alice.auth)
        .then((response) => (response.body as { items: MessageResponse[] }).items[0]!.reactions),
    ).resolves.toEqual([{ emoji: '🚀', count: 1, memberIds: [mei.id] }]);
    await alicePage.close();
    await page.close();
  }, 120_000);

  it('reacts in the skin tone chosen, and offers the emoji again in the recent row', async () => {
    const first = await post(mei, 'The pilot starts in March');
    const second = await post(mei, 'Budget approved by the council');
    const page = await signedIn(alice);
    await page.goto(`/rooms/${roomId}`);
    const item = page.locator(`.message[data-seq="${first.seq}"]`);
    await item.getByRole('button', { name: 'Add a reaction' }).click();
    const picker = item.getByRole('dialog', { name: 'Choose an emoji' });
    await picker.getByRole('heading', { name: 'Smileys and emotion' }).waitFor();
    // Nothing picked yet in this browser: no recent row.
    await expect(picker.getByRole('heading', { name: 'Recently used' }).count()).resolves.toBe(0);
    const tones = picker.getByRole('group', { name: 'Skin tone' });
    await expect(tones.getByRole('button', { name: 'Default skin tone' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await tones.getByRole('button', { name: 'Medium skin tone' }).click();
    await picker.getByLabel('Search emoji by name').fill('thumbs up');
    const found = picker.getByRole('group', { name: 'Emoji found' });
    await expect(found.getByRole('button', { name: 'thumbs up: medium skin tone' }).textContent()).resolves.toBe('👍🏽');
    await found.getByRole('button', { name: 'thumbs up: medium skin tone' }).click();
    await item.locator('.reaction', { hasText: '👍🏽' }).waitFor();
    const reactions = async (seq: number) =>
      (
        (
          await portal
            .http()
            .get(`/api/rooms/${roomId}/messages`)
            .query({ after: seq - 1, limit: 1 })
            .set('Authorization', alice.auth)
        ).body as { items: MessageResponse[] }
      ).items[0]!.reactions;
    await expect(reactions(first.seq)).resolves.toEqual([{ emoji: '👍🏽', count: 1, memberIds: [alice.id] }]);

    // Next time (after a reload too), the picker remembers the tone and shows the emoji in its recent row.
    await page.reload();
    const next = page.locator(`.message[data-seq="${second.seq}"]`);
    await next.getByRole('button', { name: 'Add a reaction' }).click();
    const again = next.getByRole('dialog', { name: 'Choose an emoji' });
    const recent = again.getByRole('region', { name: 'Recently used' });
    await expect(recent.getByRole('button').allTextContents()).resolves.toEqual(['👍🏽']);
    await expect(
      again
        .getByRole('group', { name: 'Skin tone' })
        .getByRole('button', { name: 'Medium skin tone' })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await recent.getByRole('button', { name: 'thumbs up: medium skin tone' }).click();
    await next.locator('.reaction', { hasText: '👍🏽' }).waitFor();
    await expect(reactions(second.seq)).resolves.toEqual([{ emoji: '👍🏽', count: 1, memberIds: [alice.id] }]);
    await page.close();
  }, 120_000);

  it('updates reply counts live and lists my threads with new replies first', async () => {
    const answered = await post(alice, 'Which baseline year do we use?');
    await post(mei, '2019, as in the national inventory.', { threadRootId: answered.id });
    const mine = await post(mei, 'Who reviews the transport chapter?');
    const alicePage = await signedIn(alice);
    await alicePage.goto(`/rooms/${roomId}`);
    const page = await signedIn(mei, 'zh-CN');
    await page.goto(`/rooms/${roomId}`);
    const root = page.locator(`.message[data-seq="${mine.seq}"]`);
    await root.getByRole('button', { name: '在讨论串中回复' }).waitFor();

    // Alice answers in the thread from her own window; Mei's count and last reply time follow live.
    await alicePage
      .locator(`.message[data-seq="${mine.seq}"]`)
      .getByRole('button', { name: 'Reply in thread' })
      .click();
    const reply = alicePage.getByLabel('Reply in thread', { exact: true }).last();
    await reply.fill('I will, by Friday.');
    await reply.press('Enter');
    await root.getByRole('button', { name: '1 条回复' }).waitFor();
    await post(alice, 'And **Bat** checks the figures.', { threadRootId: mine.id });
    await root.getByRole('button', { name: '2 条回复' }).waitFor();
    await expect(root.locator('.last-reply').textContent()).resolves.toMatch(/^最后回复于 /);

    // My threads: the one with unread replies first, then the one Mei answered.
    await page.getByRole('link', { name: '我的讨论串' }).click();
    const items = page.locator('.thread-list > li');
    await items.first().waitFor();
    await expect(items.count()).resolves.toBe(2);
    await expect(items.nth(0).textContent()).resolves.toContain('Who reviews the transport chapter?');
    await expect(items.nth(0).locator('.badge').textContent()).resolves.toBe('2 条新回复');
    await expect(items.nth(1).textContent()).resolves.toContain('Which baseline year do we use?');
    await expect(items.nth(1).locator('.badge').count()).resolves.toBe(0);
    await portal.screenshot(page, 'reading-threads-zh');

    // Opening it shows the thread, which reads it.
    await items.nth(0).getByRole('link', { name: '2 条回复' }).click();
    const thread = page.getByRole('complementary', { name: '讨论串' });
    await thread.locator('.message-body', { hasText: 'checks the figures' }).locator('strong').waitFor();
    await page.getByRole('link', { name: '我的讨论串' }).click();
    await page.locator('.thread-list > li').first().waitFor();
    await page.locator('.thread-list .badge').waitFor({ state: 'detached' });
    const listed = await portal.http().get('/api/threads').set('Authorization', mei.auth).expect(200);
    expect((listed.body as { items: ThreadSummary[] }).items.map((item) => [item.root.id, item.unreadCount])).toEqual([
      [mine.id, 0],
      [answered.id, 0],
    ]);
    await alicePage.close();
    await page.close();
  }, 120_000);

  it('a moderator pins and unpins; the other member sees the pin and the pinned panel live', async () => {
    const rule = await post(alice, 'House rule: **minutes within 48 hours**.');
    const alicePage = await signedIn(alice);
    await alicePage.goto(`/rooms/${roomId}`);
    const page = await signedIn(mei, 'zh-CN');
    await page.goto(`/rooms/${roomId}`);
    const meisCopy = page.locator(`.message[data-seq="${rule.seq}"]`);
    await meisCopy.waitFor();
    // Only moderators are offered the action.
    await expect(meisCopy.getByRole('button', { name: '置顶', exact: true }).count()).resolves.toBe(0);
    const meisPins = page.getByRole('button', { name: /条置顶/ });
    await expect(meisPins.textContent()).resolves.toBe('📌 0 条置顶');

    await alicePage
      .locator(`.message[data-seq="${rule.seq}"]`)
      .getByRole('button', { name: 'Pin', exact: true })
      .click();
    await meisCopy.locator('.pinned-mark', { hasText: '已置顶' }).waitFor();
    await page.getByRole('button', { name: '📌 1 条置顶' }).click();
    const panel = page.getByRole('region', { name: '置顶消息' });
    await panel.locator('strong', { hasText: 'minutes within 48 hours' }).waitFor();
    await portal.screenshot(page, 'reading-pins-zh');

    // Once newer talk has pushed it out of sight, the panel brings it back into view.
    let latest = rule;
    for (let i = 1; i <= 12; i++) latest = await post(alice, `Later remark ${i}\nwith a second line`);
    await page.locator(`.message[data-seq="${latest.seq}"]`).waitFor();
    await page.evaluate(`(() => { const t = document.querySelector('.timeline'); t.scrollTop = t.scrollHeight; })()`);
    await page.locator('.timeline').dispatchEvent('scroll');
    expect(await seqsInView(page)).not.toContain(rule.seq);
    await panel.getByRole('button', { name: '在房间中查看' }).click();
    await expect(seqsInView(page)).resolves.toContain(rule.seq);

    await alicePage.getByRole('button', { name: '📌 1 pinned' }).click();
    await alicePage.getByRole('region', { name: 'Pinned messages' }).getByRole('button', { name: 'Unpin' }).click();
    await panel.getByText('此房间没有置顶消息。').waitFor();
    await expect(meisCopy.locator('.pinned-mark').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '📌 0 条置顶' }).count()).resolves.toBe(1);
    await alicePage.close();
    await page.close();
  }, 120_000);
});

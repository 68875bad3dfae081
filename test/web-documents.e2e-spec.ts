import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { DocumentPage, DocumentResponse } from '@lcc/contracts';
import type { TestMember } from '@lcc/testing';
import { ExtractionService } from '../apps/api/src/modules/documents/extraction/extraction.service.js';
import { sql } from './support/db.js';
import {
  accessibilityViolations,
  describeInBrowser,
  startBrowserPortal,
  type BrowserPortal,
} from './support/browser.js';

/** A one-page PDF with standard Helvetica text (WinAnsi): enough for a real parser to find the words. */
function helveticaPdf(lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT', '/F1 14 Tf', '50 780 Td', '18 TL', ...lines.map((l) => `(${escape(l)}) Tj T*`), 'ET'].join(
    '\n',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** How many pixels of the preview's canvas are not blank (drawn text), evaluated in the page. */
const CANVAS_INK = `(() => {
  const canvas = document.querySelector('canvas.pdf-page');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128) ink += 1;
  return ink;
})()`;

/** The page's main region (the header has its own "Language" control). */
const main = (page: Page) => page.getByRole('main');

/**
 * Records every value a `<progress>` shows (it is gone once the document page opens). A string, evaluated in the
 * page: the test's TypeScript has no DOM types.
 */
const RECORD_PROGRESS = `
  window.progressSeen = [];
  const note = (element) => {
    const bars = element instanceof HTMLProgressElement ? [element] : [...element.querySelectorAll('progress')];
    for (const bar of bars) window.progressSeen.push({ value: bar.value, max: bar.max });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') note(mutation.target);
      mutation.addedNodes.forEach((node) => node instanceof Element && note(node));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
`;

describeInBrowser('web portal: documents', () => {
  let portal: BrowserPortal;
  let uploader: TestMember;
  let publicDoc: DocumentResponse;
  let networkDoc: DocumentResponse;

  async function apiUpload(member: TestMember, fields: Record<string, string>, name: string, data: Buffer) {
    let request = portal.http().post('/api/documents').set('Authorization', member.auth);
    for (const [field, value] of Object.entries(fields)) request = request.field(field, value);
    const response = await request.attach('file', data, name);
    expect(response.status).toBe(201);
    return response.body as DocumentResponse;
  }

  /** A browser profile that waits longer than the default for the page (the test machine is shared and busy). */
  async function browserContext(options?: Parameters<BrowserPortal['context']>[0]) {
    const context = await portal.context(options);
    context.setDefaultTimeout(30_000);
    return context;
  }

  /** Polls the search until the API finds `query` in document `id` (its text is extracted in the background). */
  async function waitUntilSearchable(member: TestMember, query: string, id: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await portal.http().get('/api/documents').query({ q: query }).set('Authorization', member.auth);
      if ((response.body as DocumentPage).items?.some((item) => item.id === id)) return;
      if (Date.now() > deadline) throw new Error(`"${query}" was not found in document ${id} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    portal = await startBrowserPortal();
    uploader = await portal.fx.member({ displayName: 'Oyun Bat', city: 'Ulaanbaatar' });
    const other = await portal.fx.member({ displayName: 'Kim Min-ji', country: 'KR' });
    publicDoc = await apiUpload(
      other,
      { title: 'Public atlas of heat networks', kind: 'report', language: 'en', visibility: 'public', tags: 'atlas' },
      'atlas.txt',
      Buffer.from('An atlas of the heat networks of the region.\n'),
    );
    networkDoc = await apiUpload(
      other,
      { title: 'Network-only minutes on heat tariffs', kind: 'minutes', language: 'en', visibility: 'network' },
      'minutes.txt',
      Buffer.from('Minutes of the expert group on heat tariffs.\n'),
    );
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('uploads a PDF with a progress bar, opens its page, and finds it by a word of its text', async () => {
    const page = await (await browserContext()).newPage();
    const refusedByPolicy: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) refusedByPolicy.push(message.text());
    });
    await portal.signIn(page, uploader.email, uploader.password);

    await page.goto('/documents/upload');
    await page.getByRole('heading', { level: 1, name: 'Upload a document' }).waitFor();
    const pdf = helveticaPdf([
      'Low-carbon district heating for Ulaanbaatar, 2030.',
      'Heat pumps replace the coal boilers of the ger districts.',
    ]);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'ub-heating-plan.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    // The title is proposed from the file name; the member writes a better one.
    await expect(main(page).getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('ub heating plan');
    await main(page).getByLabel('Title', { exact: true }).fill('Ulaanbaatar heating plan 2030');
    await main(page).getByLabel('Kind', { exact: true }).selectOption('strategy');
    await main(page).getByLabel('Language', { exact: true }).selectOption('en');
    await main(page).getByLabel('Country', { exact: true }).selectOption('MN');
    await main(page).getByLabel('City', { exact: true }).fill('Ulaanbaatar');
    await main(page).getByLabel('Year', { exact: true }).fill('2030');
    await main(page).getByLabel('Tags', { exact: true }).fill('heating, energy');
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'upload');

    await page.evaluate(RECORD_PROGRESS);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;

    const progress = (await page.evaluate('window.progressSeen')) as { value: number; max: number }[];
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ value: 100, max: 100 });

    await page.getByRole('heading', { level: 1, name: 'Ulaanbaatar heating plan 2030' }).waitFor();
    const versions = page.getByRole('table', { name: /Every version/ });
    await versions.getByRole('cell', { name: 'ub-heating-plan.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Download version 1' }).waitFor();
    await page.getByRole('heading', { name: 'Who downloaded it' }).waitFor();
    // The page draws the PDF with PDF.js, in the browser, from the download route (a worker of the portal's own).
    await page.getByRole('heading', { name: 'Preview (version 1)' }).waitFor();
    await page.locator('canvas.pdf-page[data-rendered="true"]').waitFor();
    expect(await page.evaluate(CANVAS_INK)).toBeGreaterThan(0);
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/pdf\.worker.*\.mjs$/),
    ]);
    expect(refusedByPolicy).toEqual([]);
    await portal.screenshot(page, 'document');

    // Recorded just after the last byte has left the server: ask again for a moment if need be.
    const downloadLog = async (count: number) => {
      let log = await portal.http().get(`/api/documents/${id}/downloads`).set('Authorization', uploader.auth);
      for (let tries = 0; tries < 200 && log.body.items?.length < count; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        log = await portal.http().get(`/api/documents/${id}/downloads`).set('Authorization', uploader.auth);
      }
      return log.body.items as { member: { id: string } | null }[];
    };
    // The preview read the whole (small) file: it counts as the uploader's read.
    const before = await downloadLog(1);
    expect(before.map((item) => item.member?.id)).toEqual([uploader.id]);

    // A download through the page is fetched with the member's token and recorded against them.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    expect((await download).suggestedFilename()).toBe('ub-heating-plan.pdf');
    const after = await downloadLog(2);
    expect(after.map((item) => item.member?.id)).toEqual([uploader.id, uploader.id]);

    // "boilers" is only in the PDF's text: found once the text is extracted.
    await waitUntilSearchable(uploader, 'boilers', id);
    await page.goto('/documents');
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('boilers');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=boilers/);
    const result = page.getByRole('article', { name: 'Ulaanbaatar heating plan 2030' });
    await result.waitFor();
    await expect(result.locator('mark').first().textContent()).resolves.toMatch(/boilers/i);
    await expect(page.getByRole('article').count()).resolves.toBe(1);
    // Facet counts stand next to the filter values.
    await expect(
      main(page).getByLabel('Kind', { exact: true }).locator('option', { hasText: 'Strategy (1)' }).count(),
    ).resolves.toBe(1);
    await portal.screenshot(page, 'documents');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A filter narrows the list; another kind finds nothing.
    await main(page).getByLabel('Kind', { exact: true }).selectOption('minutes');
    await page.getByText('No documents match this search or these filters.').waitFor();
  }, 120_000);

  it('shows a refused file type next to the file field and cancels a slow upload', async () => {
    const context = await browserContext();
    const page = await context.newPage();
    await portal.signIn(page, uploader.email, uploader.password);
    await page.goto('/documents/upload');
    const file = page.getByLabel('File', { exact: true });

    // PDF bytes named .txt: the API answers 415 and the message sits with the file field.
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: helveticaPdf(['x']) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText("The file's content does not match its extension.").waitFor();
    await expect(file.getAttribute('aria-invalid')).resolves.toBe('true');

    // A large file over a slow link: Cancel aborts it and nothing is stored.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 1024 * 1024,
      uploadThroughput: 64 * 1024,
    });
    await file.setInputFiles({
      name: 'large-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('heat '.repeat(200_000)),
    });
    await main(page).getByLabel('Title', { exact: true }).fill('Cancelled upload');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await page.getByText('The upload was cancelled.').waitFor();
    await expect(bar.count()).resolves.toBe(0);
    expect(new URL(page.url()).pathname).toBe('/documents/upload');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const list = await portal
      .http()
      .get('/api/documents')
      .query({ q: 'Cancelled' })
      .set('Authorization', uploader.auth);
    expect((list.body as DocumentPage).items).toEqual([]);
  }, 120_000);

  it('prefills the working group from the address and takes a dropped file', async () => {
    const admin = await portal.fx.admin();
    const created = await portal
      .http()
      .post('/api/working-groups')
      .set('Authorization', admin.auth)
      .send({ name: 'District heating group', thematicArea: 'low_carbon_cities', visibility: 'public' });
    expect(created.status).toBe(201);
    const groupId = (created.body as { id: string }).id;
    const joined = await portal.http().post(`/api/working-groups/${groupId}/join`).set('Authorization', uploader.auth);
    expect(joined.status).toBeLessThan(300);
    // A second group of the uploader's, to share the document with; a third they are not in is not offered.
    const second = await portal
      .http()
      .post('/api/working-groups')
      .set('Authorization', admin.auth)
      .send({ name: 'Heat meters group', thematicArea: 'low_carbon_cities', visibility: 'private' });
    const secondId = (second.body as { id: string }).id;
    await portal
      .http()
      .post(`/api/working-groups/${secondId}/members`)
      .set('Authorization', admin.auth)
      .send({ memberId: uploader.id })
      .expect(201);
    await portal
      .http()
      .post('/api/working-groups')
      .set('Authorization', admin.auth)
      .send({ name: 'Unrelated group', thematicArea: 'other', visibility: 'public' })
      .expect(201);

    const page = await (await browserContext()).newPage();
    await portal.signIn(page, uploader.email, uploader.password);
    await page.goto(`/documents/upload?workingGroupId=${groupId}`);
    const group = main(page).getByLabel('Working group', { exact: true });
    await group.locator('option', { hasText: 'District heating group' }).waitFor({ state: 'attached' });
    await expect(group.inputValue()).resolves.toBe(groupId);
    await expect(main(page).getByLabel('Who can open it').inputValue()).resolves.toBe('group');

    // A file dropped on the area (as a desktop drag and drop delivers it).
    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Notes of the heating group on heat meters.\\n'], 'group-notes.txt', { type: 'text/plain' }));
      const zone = document.querySelector('.dropzone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    })()`);
    await page.getByText(/Selected: group-notes\.txt/).waitFor();
    await expect(main(page).getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('group notes');
    // Shared with the uploader's other group too.
    const share = page.getByRole('group', { name: 'Also share with' });
    await expect(share.getByRole('checkbox').count()).resolves.toBe(1);
    await share.getByRole('checkbox', { name: 'Heat meters group' }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('link', { name: 'District heating group' }).waitFor();
    await page.getByRole('link', { name: 'Heat meters group' }).waitFor();
    const stored = await portal.http().get(`/api/documents/${id}`).set('Authorization', uploader.auth);
    expect(stored.body).toMatchObject({
      workingGroupId: groupId,
      workingGroupIds: [groupId, secondId],
      visibility: 'group',
      title: 'group notes',
    });

    // The edit form shows both groups and keeps them when something else changes.
    await page.getByRole('button', { name: 'Edit details' }).click();
    await expect(
      page
        .getByRole('group', { name: 'Also share with' })
        .getByRole('checkbox', { name: 'Heat meters group' })
        .isChecked(),
    ).resolves.toBe(true);
    await main(page).getByLabel('Year', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The details were saved.').waitFor();
    const edited = await portal.http().get(`/api/documents/${id}`).set('Authorization', uploader.auth);
    expect(edited.body).toMatchObject({ year: 2027, workingGroupIds: [groupId, secondId] });

    // The library filters by working group: the document is found under each of its groups.
    for (const id of [groupId, secondId]) {
      await page.goto(`/documents?workingGroupId=${id}`);
      await page.getByRole('article', { name: 'group notes' }).waitFor();
      await expect(page.getByRole('article').count()).resolves.toBe(1);
    }
  }, 120_000);

  it('lets the uploader add a version, edit and delete; a coordinator restores; others only read', async () => {
    const reader = await portal.fx.member({ displayName: 'Ivan Petrov', country: 'RU' });
    const coordinator = await portal.fx.member({ role: 'coordinator', displayName: 'Secretariat' });
    const doc = await apiUpload(
      uploader,
      { title: 'Heat tariff study', kind: 'report', language: 'en', visibility: 'network' },
      'tariffs.txt',
      Buffer.from('Heat tariffs in three cities.\n'),
    );

    // Another member reads it, but neither edits it, adds versions, nor sees who downloaded it.
    const readerPage = await (await browserContext()).newPage();
    await portal.signIn(readerPage, reader.email, reader.password);
    await readerPage.goto(`/documents/${doc.id}`);
    await readerPage.getByRole('heading', { level: 1, name: doc.title }).waitFor();
    await readerPage.getByRole('heading', { name: /^Versions/ }).waitFor();
    await expect(readerPage.getByRole('button', { name: 'Edit details' }).count()).resolves.toBe(0);
    await expect(readerPage.getByRole('heading', { name: 'Who downloaded it' }).count()).resolves.toBe(0);
    await expect(readerPage.getByRole('heading', { name: 'Upload a new version' }).count()).resolves.toBe(0);

    const page = await (await browserContext({ width: 360 })).newPage();
    await portal.signIn(page, uploader.email, uploader.password);
    await page.goto(`/documents/${doc.id}`);
    await page.getByRole('heading', { level: 1, name: doc.title }).waitFor();

    // A new version, with its own progress bar.
    await page.evaluate(RECORD_PROGRESS);
    await page.getByLabel('New file', { exact: true }).setInputFiles({
      name: 'tariffs-2.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Heat tariffs in four cities.\n'),
    });
    await page.getByLabel('What changed (optional)').fill('A fourth city joined the study');
    await page.getByRole('button', { name: 'Upload new version' }).click();
    await page.getByText('Version 2 was uploaded.').waitFor();
    expect(((await page.evaluate('window.progressSeen')) as { value: number }[]).at(-1)).toEqual({
      value: 100,
      max: 100,
    });
    await page.getByRole('heading', { name: 'Versions (2)' }).waitFor();
    await page.getByRole('button', { name: 'Download version 2' }).waitFor();
    await expect(page.getByRole('button', { name: /^Download version \d$/ }).count()).resolves.toBe(2);
    await page.getByText('A fourth city joined the study').waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);

    // The first version comes back as the newest (version 3, its bytes); the latest has no such button.
    await expect(page.getByRole('button', { name: 'Make newest: version 2' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Make newest: version 1' }).click();
    await page.getByRole('heading', { name: 'Versions (3)' }).waitFor();
    await page.getByText('Restored from version 1').waitFor();
    const restored = await portal.http().get(`/api/documents/${doc.id}`).set('Authorization', uploader.auth);
    expect(restored.body.latestVersion).toMatchObject({ number: 3, restoredFromNumber: 1, fileName: 'tariffs.txt' });

    // Edit the details (PATCH): a blank title is refused next to the field, then a real one is saved.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const title = main(page).getByLabel('Title', { exact: true });
    await expect(page.evaluate('document.activeElement.name')).resolves.toBe('title');
    await title.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await main(page).locator('input[name="title"][aria-invalid="true"]').waitFor();
    await title.fill('Heat tariff study 2026');
    await main(page).getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The details were saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Heat tariff study 2026' }).waitFor();
    // The keyboard is back on the button that opened the form.
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Edit details');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Delete, after a confirmation; the uploader goes back to the library.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('group', { name: 'Delete this document?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL((url) => url.pathname === '/documents');

    // A coordinator still opens it, sees that it is deleted, and restores it.
    const staffPage = await (await browserContext()).newPage();
    await portal.signIn(staffPage, coordinator.email, coordinator.password);
    await staffPage.goto(`/documents/${doc.id}`);
    await staffPage.getByText(/This document was deleted on/).waitFor();
    await staffPage.getByRole('button', { name: 'Restore' }).click();
    await staffPage.getByText('The document was restored.').waitFor();
    await expect(staffPage.getByText(/This document was deleted on/).count()).resolves.toBe(0);
    await staffPage.getByRole('heading', { name: 'Who downloaded it' }).waitFor();
    const stored = await portal.http().get(`/api/documents/${doc.id}`).set('Authorization', reader.auth);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      title: 'Heat tariff study 2026',
      year: 2026,
      versionCount: 3,
      deletedAt: null,
    });
  }, 120_000);

  it('shows a version being read turn readable without a reload, with its text, to a member reading Japanese', async () => {
    const reader = await portal.fx.member({ displayName: '山田 花子', country: 'JP', language: 'ja' });
    const doc = await apiUpload(
      uploader,
      { title: '東京の低炭素計画', kind: 'strategy', language: 'ja', visibility: 'network' },
      'tokyo-plan.txt',
      Buffer.from('東京都は二〇三〇年までに温室効果ガス排出量を半減する。\n'),
    );
    await portal.app.get(ExtractionService).drain();
    // Held as if a parse were under way elsewhere: pending, every attempt used and a fresh claim, so no one takes it.
    await sql(
      portal.databaseUrl,
      `UPDATE document_versions SET extraction_status = 'pending', extracted_text = NULL, extraction_attempts = 2,
              extraction_started_at = now() WHERE document_id = $1`,
      [doc.id],
    );

    const page = await (await browserContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
    await portal.signIn(page, reader.email, reader.password);
    // The page's socket is open (socket.io's connect packet arrived) before the text is read.
    const connected = new Promise<void>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) => {
          if (String(frame.payload).startsWith('40')) resolve();
        }),
      );
    });
    await page.goto(`/documents/${doc.id}`);
    await connected;
    await page.getByRole('heading', { level: 1, name: '東京の低炭素計画' }).waitFor();
    const versions = page.getByRole('table', { name: 'この文書のすべての版（新しい順）' });
    await versions.getByRole('cell', { name: '読み取り中…', exact: true }).waitFor();
    await page.getByText('このファイルのテキストを読み取り中…').waitFor();
    await portal.screenshot(page, 'document-being-read-ja');
    await page.evaluate('window.sameDocument = true');

    await sql(
      portal.databaseUrl,
      `UPDATE document_versions SET extraction_attempts = 0, extraction_started_at = NULL WHERE document_id = $1`,
      [doc.id],
    );
    portal.app.get(ExtractionService).kick();
    await versions.getByRole('cell', { name: '検索可能', exact: true }).waitFor();
    const text = page.getByRole('region', { name: 'ファイルのテキスト' });
    await text.getByText(/温室効果ガス排出量を半減する/).waitFor();
    await expect(page.evaluate('window.sameDocument')).resolves.toBe(true);
    await expect(page.getByText('このファイルのテキストを読み取り中…').count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('makes a folder in the library, renames it, moves a document into it and finds it there', async () => {
    const doc = await apiUpload(
      uploader,
      { title: 'Folder candidate on heat storage', kind: 'report', language: 'en', visibility: 'network' },
      'storage.txt',
      Buffer.from('Seasonal heat storage.\n'),
    );
    const page = await (await browserContext()).newPage();
    await portal.signIn(page, uploader.email, uploader.password);
    await page.goto('/documents');
    await main(page).getByLabel('New folder', { exact: true }).fill('Heat storage');
    await page.getByRole('button', { name: 'Create folder' }).click();
    await page.waitForURL(/folderId=/);
    const folderFilter = main(page).getByLabel('Folder', { exact: true });
    await folderFilter.locator('option', { hasText: 'Heat storage (0)' }).waitFor({ state: 'attached' });
    await main(page).getByLabel('Folder name', { exact: true }).fill('Seasonal heat storage');
    await page.getByRole('button', { name: 'Rename folder' }).click();
    await folderFilter.locator('option', { hasText: 'Seasonal heat storage (0)' }).waitFor({ state: 'attached' });
    const folderId = new URL(page.url()).searchParams.get('folderId')!;
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/documents/${doc.id}`);
    const moved = page.waitForResponse(
      (response) => response.url().endsWith(`/api/documents/${doc.id}/folder`) && response.request().method() === 'PUT',
    );
    await main(page).getByLabel('Folder in the library', { exact: true }).selectOption(folderId);
    expect((await moved).status()).toBe(200);
    const stored = await portal.http().get(`/api/documents/${doc.id}`).set('Authorization', uploader.auth);
    expect(stored.body.folderId).toBe(folderId);

    await page.goto(`/documents?folderId=${folderId}`);
    await page.getByRole('article', { name: 'Folder candidate on heat storage' }).waitFor();
    await expect(page.getByRole('article').count()).resolves.toBe(1);
    await page.context().close();
  }, 120_000);

  it("shows a document's folder in each group it is shared with; its editor moves it within one group's folders", async () => {
    const admin = await portal.fx.admin();
    const reader = await portal.fx.member({ displayName: 'Reader of both groups' });
    const transport = await portal.fx.group(admin, { name: 'Transport group', visibility: 'private' });
    const buildings = await portal.fx.group(admin, { name: 'Buildings group', visibility: 'private' });
    for (const group of [transport, buildings]) {
      await portal.fx.addMember(group, uploader);
      await portal.fx.addMember(group, reader);
    }
    const folder = async (name: string, workingGroupId: string) =>
      (
        await portal
          .http()
          .post('/api/document-folders')
          .set('Authorization', uploader.auth)
          .send({ name, workingGroupId })
          .expect(201)
      ).body as { id: string };
    const buses = await folder('Bus fleets', transport.id);
    const rail = await folder('Rail', transport.id);
    const retrofits = await folder('Retrofits', buildings.id);
    const doc = await apiUpload(
      uploader,
      {
        title: 'Shared heat and transport plan',
        kind: 'report',
        visibility: 'group',
        workingGroupIds: `${transport.id},${buildings.id}`,
      },
      'shared.txt',
      Buffer.from('Shared plan.\n'),
    );
    await portal
      .http()
      .put(`/api/documents/${doc.id}/folder`)
      .set('Authorization', uploader.auth)
      .send({ folderId: buses.id })
      .expect(200);

    // The editor sees a chooser per place and moves it within the second group's folders.
    const page = await (await browserContext()).newPage();
    await portal.signIn(page, uploader.email, uploader.password);
    await page.goto(`/documents/${doc.id}`);
    const places = page.getByRole('region', { name: 'Folders' });
    const inTransport = places.getByLabel('Folder in Transport group', { exact: true });
    await inTransport.locator('option', { hasText: 'Rail' }).waitFor({ state: 'attached' });
    await expect(inTransport.inputValue()).resolves.toBe(buses.id);
    const inBuildings = places.getByLabel('Folder in Buildings group', { exact: true });
    await inBuildings.locator('option', { hasText: 'Retrofits' }).waitFor({ state: 'attached' });
    const moved = page.waitForResponse(
      (response) => response.url().endsWith(`/api/documents/${doc.id}/folder`) && response.request().method() === 'PUT',
    );
    await inBuildings.selectOption(retrofits.id);
    expect((await moved).status()).toBe(200);
    const movedAgain = page.waitForResponse(
      (response) => response.url().endsWith(`/api/documents/${doc.id}/folder`) && response.request().method() === 'PUT',
    );
    await inTransport.selectOption(rail.id);
    expect((await movedAgain).status()).toBe(200);
    const stored = await portal.http().get(`/api/documents/${doc.id}`).set('Authorization', uploader.auth);
    expect(stored.body.groupFolders).toEqual([
      { workingGroupId: transport.id, folderId: rail.id },
      { workingGroupId: buildings.id, folderId: retrofits.id },
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await portal.screenshot(page, 'document-group-folders');

    // A reader who may not edit it reads each place.
    const readerPage = await (await browserContext()).newPage();
    await portal.signIn(readerPage, reader.email, reader.password);
    await readerPage.goto(`/documents/${doc.id}`);
    const readerPlaces = readerPage.getByRole('region', { name: 'Folders' });
    await readerPlaces.getByText('Folder in Transport group: Rail').waitFor();
    await readerPlaces.getByText('Folder in Buildings group: Retrofits').waitFor();
    await readerPlaces.getByText('Folder in the library: No folder').waitFor();
    await expect(readerPlaces.getByRole('combobox').count()).resolves.toBe(0);
    await page.context().close();
    await readerPage.context().close();
  }, 120_000);

  it('shows an anonymous visitor public documents only, with a sign-in prompt, at 360 px', async () => {
    const page = await (await browserContext({ width: 360 })).newPage();
    await page.goto('/library');
    await page.getByRole('heading', { level: 1, name: 'Public library' }).waitFor();
    await page.getByRole('link', { name: publicDoc.title }).waitFor();
    await expect(page.getByRole('link', { name: networkDoc.title }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBeGreaterThan(0);
    // Nothing wider than the phone's screen.
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The public document opens, with a plain download link; the network one is not there for a visitor.
    await page.getByRole('link', { name: publicDoc.title }).click();
    await page.getByRole('heading', { level: 1, name: publicDoc.title }).waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    await expect(page.getByRole('link', { name: 'Download', exact: true }).getAttribute('href')).resolves.toBe(
      `/api/documents/${publicDoc.id}/download`,
    );
    await page.goto(`/documents/${networkDoc.id}`);
    await page.getByText('Not found, or not visible to you.').waitFor();
  }, 120_000);

  it('pages the public library with "load more", in Mongolian', async () => {
    const author = await portal.fx.member({ displayName: 'Bat-Erdene' });
    for (let n = 1; n <= 21; n += 1) {
      await apiUpload(
        author,
        { title: `Бүтэн сайн өдрийн тайлан ${n}`, kind: 'report', language: 'mn', visibility: 'public', tags: 'bulk' },
        `report-${n}.txt`,
        Buffer.from(`Тайлан ${n}\n`),
      );
    }
    const page = await (await browserContext({ locale: 'mn-MN', timezoneId: 'Asia/Ulaanbaatar' })).newPage();
    await page.goto('/library?tag=bulk');
    await page.getByRole('heading', { level: 1, name: 'Нээлттэй номын сан' }).waitFor();
    await page.getByText('21 баримт бичиг').waitFor();
    await expect(page.getByRole('article').count()).resolves.toBe(20);
    await page.getByRole('button', { name: /Load more|Цааш/ }).click();
    await page.getByRole('article', { name: 'Бүтэн сайн өдрийн тайлан 1', exact: true }).waitFor();
    await expect(page.getByRole('article').count()).resolves.toBe(21);
    await expect(page.getByRole('button', { name: /Load more|Цааш/ }).count()).resolves.toBe(0);
  }, 120_000);
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { DocumentResponse, MessagePage } from '@lcc/contracts';
import { describeInBrowser, startBrowserPortal, type BrowserPortal } from './support/browser.js';

describeInBrowser('web portal: files pasted or dropped into a room', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  const signedIn = async (email: string, password: string): Promise<Page> => {
    const page = await (await portal.context()).newPage();
    await portal.signIn(page, email, password);
    return page;
  };

  /** Builds a DataTransfer holding one text file in the page and fires `type` (paste or drop) at `selector`. */
  const fireFileEvent = (page: Page, type: 'paste' | 'drop', selector: string, name: string, text: string) =>
    page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' }));
      const init = { bubbles: true, cancelable: true };
      const event = ${JSON.stringify(type)} === 'paste'
        ? new ClipboardEvent('paste', { ...init, clipboardData: transfer })
        : new DragEvent('drop', { ...init, dataTransfer: transfer });
      document.querySelector(${JSON.stringify(selector)}).dispatchEvent(event);
    })()`);

  const lastAttachment = async (roomId: string, auth: string): Promise<string> => {
    const page = (await portal.http().get(`/api/rooms/${roomId}/messages`).set('Authorization', auth).expect(200))
      .body as MessagePage;
    const attachment = page.items.at(-1)?.attachments[0];
    if (!attachment) throw new Error('the last message has no attachment');
    return attachment.documentId;
  };

  it('a file pasted into a direct message is for its two members only; one dropped on a topic room follows the room', async () => {
    const alice = await portal.fx.member({ displayName: 'Alice Tanaka' });
    const bob = await portal.fx.member({ displayName: 'Bat Dorj' });
    const carol = await portal.fx.member({ displayName: 'Carol Outsider' });
    const admin = await portal.fx.admin();
    const direct = await portal.fx.room(alice, { kind: 'direct', memberIds: [bob.id] });

    // Bob has the conversation open while Alice writes.
    const bobPage = await signedIn(bob.email, bob.password);
    await bobPage.goto(`/rooms/${direct.id}`);
    await bobPage.getByLabel('Message Alice Tanaka').waitFor();
    const alicePage = await signedIn(alice.email, alice.password);
    await alicePage.goto(`/rooms/${direct.id}`);
    const composer = alicePage.getByLabel('Message Bat Dorj');
    await composer.waitFor();
    await fireFileEvent(alicePage, 'paste', '.room-main textarea', 'minutes-draft.txt', 'Draft minutes of the call\n');
    // The upload shows in the composer until it is done, then the file is attached to the message being written.
    const attached = alicePage.getByRole('list', { name: 'Attached documents' });
    await attached.getByText('minutes-draft.txt').waitFor();
    await composer.fill('Here are the draft minutes');
    await composer.press('Enter');
    await alicePage
      .locator('.message', { hasText: 'Here are the draft minutes' })
      .getByRole('link', { name: /📎/ })
      .waitFor();

    const documentId = await lastAttachment(direct.id, alice.auth);
    const document = (
      await portal.http().get(`/api/documents/${documentId}`).set('Authorization', bob.auth).expect(200)
    ).body as DocumentResponse;
    expect(document).toMatchObject({ visibility: 'room', roomId: direct.id, workingGroupIds: [] });

    // Bob sees the attachment arrive live, by its name, opens it and downloads it.
    await bobPage
      .locator('.message', { hasText: 'Here are the draft minutes' })
      .getByRole('link', { name: '📎 minutes-draft.txt' })
      .click();
    await bobPage.getByRole('heading', { level: 1, name: 'minutes-draft.txt' }).waitFor();
    const download = await portal
      .http()
      .get(`/api/documents/${documentId}/download`)
      .set('Authorization', bob.auth)
      .expect(200);
    expect(download.text).toBe('Draft minutes of the call\n');

    // Anyone outside the room — a member or an admin — finds nothing, in the library either.
    for (const outsider of [carol, admin]) {
      await portal.http().get(`/api/documents/${documentId}`).set('Authorization', outsider.auth).expect(404);
      await portal.http().get(`/api/documents/${documentId}/download`).set('Authorization', outsider.auth).expect(404);
      const list = await portal.http().get('/api/documents').set('Authorization', outsider.auth).expect(200);
      expect((list.body as { items: DocumentResponse[] }).items.map((item) => item.id)).not.toContain(documentId);
    }
    await portal.http().get(`/api/documents/${documentId}`).expect(404);

    // A private topic room: a file dropped on the room; a member added later reads it, one removed no longer does.
    const topic = await portal.fx.room(alice, { name: 'Heat maps', visibility: 'private', memberIds: [bob.id] });
    await alicePage.goto(`/rooms/${topic.id}`);
    await alicePage.getByLabel('Message Heat maps').waitFor();
    await fireFileEvent(alicePage, 'drop', '.room-main .timeline', 'heat-map.csv', 'district,degree days\n');
    await alicePage.getByRole('list', { name: 'Attached documents' }).getByText('heat-map.csv').waitFor();
    // Sent without words: the message names the file.
    await alicePage.getByRole('button', { name: 'Send', exact: true }).click();
    // The committed message carries the attachment (while sending, only its words show).
    await alicePage
      .locator('.message', { hasText: '📎 heat-map.csv' })
      .getByRole('link', { name: '📎 heat-map.csv' })
      .waitFor();
    const topicFile = await lastAttachment(topic.id, alice.auth);
    await portal.http().get(`/api/documents/${topicFile}`).set('Authorization', carol.auth).expect(404);
    await portal
      .http()
      .post(`/api/rooms/${topic.id}/members`)
      .set('Authorization', alice.auth)
      .send({ memberIds: [carol.id] })
      .expect(204);
    await portal.http().get(`/api/documents/${topicFile}`).set('Authorization', carol.auth).expect(200);
    await portal
      .http()
      .delete(`/api/rooms/${topic.id}/members/${carol.id}`)
      .set('Authorization', alice.auth)
      .expect(204);
    await portal.http().get(`/api/documents/${topicFile}`).set('Authorization', carol.auth).expect(404);
  }, 120_000);

  it('shows each upload with its progress and a Cancel, and says why a file was refused', async () => {
    const alice = await portal.fx.member({ displayName: 'Alice Slow' });
    const bob = await portal.fx.member({ displayName: 'Bob Slow' });
    const direct = await portal.fx.room(alice, { kind: 'direct', memberIds: [bob.id] });
    const page = await signedIn(alice.email, alice.password);
    await page.goto(`/rooms/${direct.id}`);
    await page.getByLabel('Message Bob Slow').waitFor();
    const uploads = page.getByRole('list', { name: 'Files being uploaded' });

    // A type the library refuses: the composer says so until dismissed.
    await fireFileEvent(page, 'paste', '.room-main textarea', 'installer.exe', 'MZ');
    await uploads.getByRole('alert').getByText('This type of file cannot be shared.').waitFor();
    await uploads.getByRole('button', { name: 'Dismiss installer.exe' }).click();
    await uploads.waitFor({ state: 'detached' });

    // A large file on a slow line: its progress shows, Cancel stops it and nothing is stored or attached.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 64 * 1024,
    });
    await page.evaluate(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['heat '.repeat(400000)], 'big-survey.txt', { type: 'text/plain' }));
      document.querySelector('.room-main textarea').dispatchEvent(
        new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
    })()`);
    await uploads.getByRole('progressbar', { name: 'Uploading big-survey.txt' }).waitFor();
    // Send waits for the uploads under way, words or not.
    await page.getByLabel('Message Bob Slow').fill('The survey');
    await expect(page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).resolves.toBe(true);
    await uploads.getByRole('button', { name: 'Cancel big-survey.txt' }).click();
    await uploads.waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).resolves.toBe(false);
    await expect(page.getByRole('list', { name: 'Attached documents' }).count()).resolves.toBe(0);
    const mine = await portal.http().get('/api/documents?limit=100').set('Authorization', alice.auth).expect(200);
    expect((mine.body as { items: DocumentResponse[] }).items.map((item) => item.title)).not.toContain(
      'big-survey.txt',
    );
  }, 120_000);

  it("a file chosen in a working group's room becomes the group's document; the API checks a room's files", async () => {
    const lead = await portal.fx.admin();
    const alice = await portal.fx.member({ displayName: 'Alice Group' });
    const outsider = await portal.fx.member({ displayName: 'Olga Outside' });
    const group = await portal.fx.group(lead, { visibility: 'private' });
    await portal.fx.addMember(group, alice);

    const page = await signedIn(alice.email, alice.password);
    await page.goto(`/rooms/${group.roomId}`);
    await page.getByRole('button', { name: 'Upload a file' }).waitFor();
    await page.locator('.room-main input[type="file"]').setInputFiles({
      name: 'targets.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Targets\n\n- 30 % by 2030\n'),
    });
    await page.getByRole('list', { name: 'Attached documents' }).getByText('targets.md').waitFor();
    await page.getByLabel(/^Message /).fill('Targets for the group');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.message', { hasText: 'Targets for the group' }).getByRole('link', { name: /📎/ }).waitFor();
    const documentId = await lastAttachment(group.roomId, alice.auth);
    const document = (
      await portal.http().get(`/api/documents/${documentId}`).set('Authorization', alice.auth).expect(200)
    ).body as DocumentResponse;
    expect(document).toMatchObject({ visibility: 'group', workingGroupIds: [group.id], roomId: null });
    await portal.http().get(`/api/documents/${documentId}`).set('Authorization', outsider.auth).expect(404);

    // The API: `room` needs a room the uploader reads, and a room is named with that visibility only.
    const direct = await portal.fx.room(alice, { kind: 'direct', memberIds: [lead.id] });
    const upload = (who: { auth: string }, fields: Record<string, string>) => {
      const request = portal.http().post('/api/documents').set('Authorization', who.auth);
      request.field('title', 'Room file').field('kind', 'other');
      for (const [name, value] of Object.entries(fields)) request.field(name, value);
      return request.attach('file', Buffer.from('text\n'), { filename: 'a.txt', contentType: 'text/plain' });
    };
    const field = (response: { body: { details?: { field: string }[] } }) => response.body.details?.[0]?.field;
    expect(field(await upload(alice, { visibility: 'room' }).expect(400))).toBe('roomId');
    expect(field(await upload(alice, { visibility: 'network', roomId: direct.id }).expect(400))).toBe('roomId');
    expect(field(await upload(outsider, { visibility: 'room', roomId: direct.id }).expect(400))).toBe('roomId');
    expect(
      field(await upload(alice, { visibility: 'room', roomId: direct.id, workingGroupIds: group.id }).expect(400)),
    ).toBe('workingGroupIds');
    const roomFile = (await upload(alice, { visibility: 'room', roomId: direct.id }).expect(201))
      .body as DocumentResponse;
    // Visibility `room` is not chosen afterwards; widening a room's file is its uploader's choice, and audited.
    await portal
      .http()
      .patch(`/api/documents/${documentId}`)
      .set('Authorization', alice.auth)
      .send({ visibility: 'room' })
      .expect(400);
    const widened = await portal
      .http()
      .patch(`/api/documents/${roomFile.id}`)
      .set('Authorization', alice.auth)
      .send({ visibility: 'network' })
      .expect(200);
    expect(widened.body).toMatchObject({ visibility: 'network', roomId: null });
    await portal.http().get(`/api/documents/${roomFile.id}`).set('Authorization', outsider.auth).expect(200);
  }, 120_000);
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { sql } from './support/db.js';
import { describeInBrowser, startBrowserPortal, type BrowserPortal } from './support/browser.js';

/**
 * The e-mail journeys from the web portal, on the embedded default (no SMTP server): mail waits in the outbox, an
 * admin reads it there, and its links work when opened.
 */
describeInBrowser('web portal: forgot password, reset, outbox and invitations', () => {
  let portal: BrowserPortal;

  beforeAll(async () => {
    portal = await startBrowserPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('a member asks for a reset link, opens it and signs in with the new password; the old one is refused', async () => {
    const member = await portal.fx.member({ displayName: 'Forgetful Expert' });
    const page = await (await portal.context()).newPage();
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account uses this address').waitFor();

    const [mail] = await sql<{ text: string }>(
      portal.databaseUrl,
      `SELECT text FROM mail_outbox WHERE to_address = $1 AND text LIKE '%/reset-password?token=%'`,
      [member.email],
    );
    const link = /(https?:\/\/\S+\/reset-password\?token=[\w-]+)/.exec(mail!.text)![1]!;
    await page.goto(new URL(link).pathname + new URL(link).search);
    await page.getByLabel('New password').fill('Seven kites over Lake Baikal');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await portal.http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(401);
    await portal
      .http()
      .post('/api/auth/login')
      .send({ email: member.email, password: 'Seven kites over Lake Baikal' })
      .expect(200);
  });

  it('an admin reads the waiting mail in the outbox and sees every invitation with its state', async () => {
    const admin = await portal.fx.admin();
    const invited = portal.fx.email('invited');
    await portal
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email: invited, language: 'ru' })
      .expect(201);
    const page = await (await portal.context()).newPage();
    await portal.signIn(page, admin.email, admin.password);
    await page.goto('/admin/outbox');
    await page.getByRole('heading', { name: 'E-mail outbox' }).waitFor();
    await page.getByText(invited).first().waitFor();
    await page.goto('/admin/invitations');
    await page.getByRole('heading', { name: 'Invitations' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: invited });
    await row.getByText('Pending').waitFor();
    expect(await row.count()).toBe(1);
  });
});

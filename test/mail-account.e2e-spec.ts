import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from './support/db.js';
import { type ReceivedMail, TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The one link of the portal in a message (plain text and HTML carry the same). */
function linkIn(mail: ReceivedMail, path: string): string {
  const links = mail.parsed.text?.match(/https?:\/\/\S+/g) ?? [];
  const link = links.find((l) => l.startsWith(`http://portal.test${path}`));
  if (!link) throw new Error(`no ${path} link in: ${mail.parsed.text}`);
  expect(mail.parsed.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
  return link;
}

describe('account e-mail over a real SMTP server', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100', MAIL_RETRY_BASE_MS: '200' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Waits for the next message to `address` (messages before `seen` do not count). */
  async function nextMailTo(address: string, seen = 0): Promise<ReceivedMail> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const mails = smtp.to(address);
      if (mails.length > seen) return mails[seen]!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no mail to ${address}`);
  }

  async function mailWithSubject(address: string, subject: string): Promise<ReceivedMail> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = smtp.to(address).find((m) => m.parsed.subject === subject);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no "${subject}" to ${address}`);
  }

  const strongPassword = 'violet Harbour 27 kites';

  it('sends the invitation in the chosen language; its link registers the invitee, whose interface takes that language', async () => {
    const admin = await t.fx.admin();
    const email = t.fx.email('ja-invitee');
    const created = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email, role: 'member', language: 'ja' })
      .expect(201);
    expect(created.body.language).toBe('ja');
    const mail = await nextMailTo(email);
    expect(mail.envelopeTo).toEqual([email]);
    expect(mail.parsed.subject).toBe(
      `${admin.profile.displayName}さんから低炭素都市パートナーシップ・ポータルへの招待`,
    );
    expect(mail.parsed.html).toContain('lang="ja"');
    expect(mail.parsed.text).toContain('招待を受ける');
    // Why the recipient gets it.
    expect(mail.parsed.text).toContain(`${email}を低炭素都市パートナーシップ・ポータルに招待したため`);
    const link = linkIn(mail, '/register?invitation=');
    expect(link).toBe(created.body.url);
    const token = new URL(link).searchParams.get('invitation')!;
    const registered = await t
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: strongPassword,
        displayName: 'Sato Hanako',
        memberType: 'city_government',
        country: 'JP',
        invitationToken: token,
      })
      .expect(201);
    expect(registered.body).toMatchObject({ status: 'active', language: 'ja' });
    await t.fx.login(email, strongPassword);
  });

  it('lists invitations with their state; resend replaces the link, revoke ends it', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const email = t.fx.email('resent');
    const first = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', coordinator.auth)
      .send({ email, language: 'ru' })
      .expect(201);
    const firstMail = await nextMailTo(email);
    expect(firstMail.parsed.subject).toContain('приглашает вас на портал');
    const resent = await t
      .http()
      .post(`/api/invitations/${first.body.id}/resend`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(resent.body.token).not.toBe(first.body.token);
    const secondMail = await nextMailTo(email, 1);
    expect(linkIn(secondMail, '/register?invitation=')).toBe(resent.body.url);
    const register = (token: string) =>
      t.http().post('/api/auth/register').send({
        email,
        password: strongPassword,
        displayName: 'Ivan Petrov',
        memberType: 'research_academic',
        country: 'RU',
        invitationToken: token,
      });
    expect((await register(first.body.token).expect(400)).body.code).toBe('INVITATION_INVALID');

    const listed = await t
      .http()
      .get('/api/invitations?state=pending')
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === first.body.id)).toMatchObject({
      email,
      state: 'pending',
      language: 'ru',
      invitedBy: { id: coordinator.id },
    });
    expect(JSON.stringify(listed.body)).not.toContain(resent.body.token);

    const revoked = await t
      .http()
      .post(`/api/invitations/${first.body.id}/revoke`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(revoked.body).toMatchObject({ state: 'revoked' });
    expect((await register(resent.body.token).expect(400)).body.code).toBe('INVITATION_INVALID');
    const again = await t.http().post(`/api/invitations/${first.body.id}/resend`).set('Authorization', admin.auth);
    expect([again.status, again.body.code]).toEqual([409, 'INVITATION_NOT_PENDING']);
    const revokedList = await t
      .http()
      .get('/api/invitations?state=revoked')
      .set('Authorization', admin.auth)
      .expect(200);
    expect(revokedList.body.items.map((i: { id: string }) => i.id)).toContain(first.body.id);

    // Paging walks every invitation once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/invitations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', admin.auth)
        .expect(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const [{ n }] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM invitations');
    expect(new Set(seen).size).toBe(n);
    expect(seen).toHaveLength(n);
  });

  it('guards the invitation routes', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const member = await t.fx.member();
    const adminInvite = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email: t.fx.email('future-admin'), role: 'admin' })
      .expect(201);
    await t.http().get('/api/invitations').expect(401);
    await t.http().get('/api/invitations').set('Authorization', member.auth).expect(403);
    const notAllowed = await t
      .http()
      .post(`/api/invitations/${adminInvite.body.id}/revoke`)
      .set('Authorization', coordinator.auth)
      .expect(403);
    expect(notAllowed.body.code).toBe('INVITATION_ROLE_NOT_ALLOWED');
    await t.http().post('/api/invitations/nope/resend').set('Authorization', admin.auth).expect(400);
    const missing = await t
      .http()
      .post('/api/invitations/00000000-0000-4000-8000-000000000000/revoke')
      .set('Authorization', admin.auth)
      .expect(404);
    expect(missing.body.code).toBe('INVITATION_NOT_FOUND');
    for (const body of [{ email: t.fx.email('x'), language: 'fr' }, { email: 'not-an-address' }]) {
      const bad = await t.http().post('/api/invitations').set('Authorization', admin.auth).send(body).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    for (const query of ['state=lost', 'cursor=forged', 'limit=1000']) {
      const bad = await t.http().get(`/api/invitations?${query}`).set('Authorization', admin.auth).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('asks a self-registered member to confirm the address; once confirmed, coordinators hear of the waiting registration in their language', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    await t.http().patch('/api/members/me').set('Authorization', coordinator.auth).send({ language: 'mn' }).expect(200);
    const email = t.fx.email('self');
    const registered = await t
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: strongPassword,
        displayName: '<img src=x onerror=alert(1)> Батбаяр',
        memberType: 'civil_society',
        country: 'MN',
        language: 'ru',
        timeZone: 'Asia/Ulaanbaatar',
      })
      .expect(201);
    const mail = await nextMailTo(email);
    expect(mail.parsed.subject).toBe('Подтвердите адрес электронной почты');
    expect(mail.parsed.to).toMatchObject({ value: [{ address: email, name: '<img src=x onerror=alert(1)> Батбаяр' }] });
    // The name is text in the HTML, never markup.
    expect(mail.parsed.html).toContain('&lt;img src=x onerror=alert(1)&gt; Батбаяр');
    expect(mail.parsed.html).not.toContain('<img');
    expect(mail.parsed.text).toContain(`адрес ${email} был указан при регистрации`);
    const link = linkIn(mail, '/confirm-email?token=');
    const token = new URL(link).searchParams.get('token')!;
    await t.http().post('/api/auth/email/confirm').send({ token }).expect(204);
    const [row] = await sql(t.databaseUrl, 'SELECT email_verified_at FROM members WHERE id = $1', [registered.body.id]);
    expect(row!.email_verified_at).not.toBeNull();
    // The coordinator's own invitation may still be in flight: look for the notice by its subject.
    const notice = await mailWithSubject(
      coordinator.email,
      '<img src=x onerror=alert(1)> Батбаяр бүртгүүлж, зөвшөөрөл хүлээж байна',
    );
    expect(notice.parsed.text).toContain('http://portal.test/admin');
    // The country by its name in the reader's language, never the bare code.
    expect(notice.parsed.text).toContain('Монгол Улс)');
    expect(notice.parsed.html).not.toContain('<img');
    await mailWithSubject(admin.email, '<img src=x onerror=alert(1)> Батбаяр registered and waits for approval');
    const reused = await t.http().post('/api/auth/email/confirm').send({ token }).expect(400);
    expect(reused.body.code).toBe('CONFIRMATION_TOKEN_INVALID');
    await t.http().post('/api/auth/email/confirm').send({}).expect(400);
  });

  it('answers "forgot password" identically for any address and writes mail only for an account', async () => {
    const member = await t.fx.member();
    const unknown = 'nobody-here@example.org';
    const count = async () =>
      (await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM mail_outbox'))[0]!.n;
    const before = await count();
    const forUnknown = await t.http().post('/api/auth/password/forgot').send({ email: unknown }).expect(202);
    expect(await count()).toBe(before);
    const forMember = await t.http().post('/api/auth/password/forgot').send({ email: member.email }).expect(202);
    expect(forMember.body).toEqual(forUnknown.body);
    expect(
      Object.keys(forMember.headers)
        .filter((h) => !['date', 'x-request-id', 'etag', 'content-length'].includes(h))
        .map((h) => [h, forMember.headers[h]]),
    ).toEqual(
      Object.keys(forUnknown.headers)
        .filter((h) => !['date', 'x-request-id', 'etag', 'content-length'].includes(h))
        .map((h) => [h, forUnknown.headers[h]]),
    );
    expect(await count()).toBe(before + 1);
    const bad = await t.http().post('/api/auth/password/forgot').send({ email: 'not an address' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(smtp.to(unknown)).toHaveLength(0);
    await nextMailTo(member.email);
  });

  it('resets the password with the e-mailed link once: every old session ends and the old password is refused', async () => {
    const member = await t.fx.member();
    const otherSession = await t.fx.login(member.email, member.password);
    await nextMailTo(member.email); // the invitation that made the member
    const seen = 1;
    await t.http().post('/api/auth/password/forgot').send({ email: member.email }).expect(202);
    const mail = await nextMailTo(member.email, seen);
    expect(mail.parsed.subject).toBe('Reset your password');
    expect(mail.parsed.text).toContain(`a password reset was requested for ${member.email}`);
    const token = new URL(linkIn(mail, '/reset-password?token=')).searchParams.get('token')!;
    const stored = await sql(t.databaseUrl, `SELECT token_hash FROM account_tokens WHERE purpose = 'password_reset'`);
    expect(JSON.stringify(stored)).not.toContain(token);

    const weak = await t
      .http()
      .post('/api/auth/password/reset')
      .send({ token, newPassword: 'password1234' })
      .expect(400);
    expect(weak.body.details[0]).toMatchObject({ field: 'newPassword', code: 'PASSWORD_TOO_WEAK' });
    const newPassword = 'quiet Lantern 83 meadows';
    await t.http().post('/api/auth/password/reset').send({ token, newPassword }).expect(204);

    for (const session of [member, otherSession]) {
      await t.http().get('/api/members/me').set('Authorization', session.auth).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    }
    const old = await t
      .http()
      .post('/api/auth/login')
      .send({ email: member.email, password: member.password })
      .expect(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    await t.fx.login(member.email, newPassword);
    const reused = await t
      .http()
      .post('/api/auth/password/reset')
      .send({ token, newPassword: 'another Granite 55 orchard' })
      .expect(400);
    expect(reused.body.code).toBe('RESET_TOKEN_INVALID');
    const [revoked] = await sql(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM auth_sessions WHERE member_id = $1 AND revoked_reason = 'password_reset'`,
      [member.id],
    );
    expect(revoked!.n).toBe(2);
  });

  it('refuses an expired reset link and malformed reset requests', async () => {
    const member = await t.fx.member();
    await nextMailTo(member.email); // the invitation that made the member
    const seen = 1;
    await t.http().post('/api/auth/password/forgot').send({ email: member.email }).expect(202);
    const token = new URL(linkIn(await nextMailTo(member.email, seen), '/reset-password?token=')).searchParams.get(
      'token',
    )!;
    await sql(
      t.databaseUrl,
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE member_id = $1`,
      [member.id],
    );
    const expired = await t
      .http()
      .post('/api/auth/password/reset')
      .send({ token, newPassword: 'quiet Lantern 83 meadows' })
      .expect(400);
    expect(expired.body.code).toBe('RESET_TOKEN_INVALID');
    await t.fx.login(member.email, member.password);
    for (const body of [{}, { token }, { token: 'short', newPassword: 'quiet Lantern 83 meadows' }]) {
      const bad = await t.http().post('/api/auth/password/reset').send(body).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

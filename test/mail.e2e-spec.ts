import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MailDeliveryService } from '../apps/api/src/modules/mail/mail-delivery.service.js';
import { type MailMessage, MailService } from '../apps/api/src/modules/mail/mail.service.js';
import { renderLayout } from '../apps/api/src/modules/mail/templates/layout.js';
import { sql, sqlUntil } from './support/db.js';
import { TestSmtpServer } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A message built with the real layout (the feature templates are tested in mail-account and mail-meetings). */
function message(to: string, subject: string, name: string | null = null): MailMessage {
  return {
    kind: 'test',
    to: { address: to, name },
    language: 'en',
    content: renderLayout(
      {
        subject,
        greeting: 'Hello,',
        paragraphs: ['<b>not bold</b> & "quoted"'],
        action: { label: 'Open', url: 'http://portal.test/somewhere?token=abc' },
        footer: 'You receive this because of a test.',
        signature: 'LCC',
      },
      'en',
    ),
  };
}

async function enqueue(t: TestApp, messages: MailMessage[]): Promise<void> {
  const mail = t.app.get(MailService);
  await t.app.get(DataSource).transaction((manager) => mail.enqueue(manager, messages));
}

describe('mail without SMTP_URL: the outbox keeps it for administrators', () => {
  let t: TestApp;
  const announced: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ announce: (text) => announced.push(text) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps queued mail, shows it to admins page by page, and prints its links to the console outside production', async () => {
    const admin = await t.fx.admin();
    await enqueue(t, [
      message('one@example.org', 'First'),
      message('two@example.org', 'Second'),
      message('three@example.org', 'Third'),
    ]);
    expect(announced.join('\n')).toContain('http://portal.test/somewhere?token=abc');
    const first = await t.http().get('/api/admin/outbox?limit=2').set('Authorization', admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ status: 'queued', attempts: 0, kind: 'test', language: 'en' });
    expect(first.body.items[0].text).toContain('http://portal.test/somewhere?token=abc');
    const second = await t
      .http()
      .get(`/api/admin/outbox?limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', admin.auth)
      .expect(200);
    const subjects = [...first.body.items, ...second.body.items].map((m: { subject: string }) => m.subject);
    expect(subjects.filter((s) => ['First', 'Second', 'Third'].includes(s)).sort()).toEqual([
      'First',
      'Second',
      'Third',
    ]);
    expect(new Set(subjects).size).toBe(subjects.length);

    const detail = await t
      .http()
      .get(`/api/admin/outbox/${first.body.items[0].id}`)
      .set('Authorization', admin.auth)
      .expect(200);
    // Text typed by people never becomes markup.
    expect(detail.body.html).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(detail.body.html).not.toContain('<b>');
  });

  it('is for admins only and validates its query', async () => {
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const admin = await t.fx.admin();
    await t.http().get('/api/admin/outbox').expect(401);
    const forbidden = await t.http().get('/api/admin/outbox').set('Authorization', coordinator.auth).expect(403);
    expect(forbidden.body.code).toBeDefined();
    for (const query of ['status=lost', 'limit=0', 'limit=101', 'cursor=forged', 'extra=1']) {
      const bad = await t.http().get(`/api/admin/outbox?${query}`).set('Authorization', admin.auth).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    await t.http().get('/api/admin/outbox/not-a-uuid').set('Authorization', admin.auth).expect(400);
    const missing = await t
      .http()
      .get('/api/admin/outbox/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin.auth)
      .expect(404);
    expect(missing.body.code).toBe('OUTBOX_MAIL_NOT_FOUND');
    const queued = await t.http().get('/api/admin/outbox?status=queued').set('Authorization', admin.auth).expect(200);
    expect(queued.body.items.every((m: { status: string }) => m.status === 'queued')).toBe(true);
  });

  it('writes nothing when the transaction that caused the mail rolls back', async () => {
    const mail = t.app.get(MailService);
    await expect(
      t.app.get(DataSource).transaction(async (manager) => {
        await mail.enqueue(manager, message('rolled-back@example.org', 'Never'));
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const rows = await sql(t.databaseUrl, `SELECT 1 FROM mail_outbox WHERE to_address = 'rolled-back@example.org'`);
    expect(rows).toHaveLength(0);
  });
});

describe('mail delivery over a real SMTP server', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer({ refuse: (address) => address.startsWith('refused@') });
  const announced: string[] = [];

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: '"LCC Portal" <portal@portal.test>',
        MAIL_POLL_INTERVAL_MS: '100',
        MAIL_RETRY_BASE_MS: '200',
        MAIL_RETRY_MAX_MS: '400',
      },
      announce: (text) => announced.push(text),
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers each message once with encoded CJK and Cyrillic subjects and names, and marks it sent', async () => {
    const before = smtp.received.length;
    await enqueue(t, [
      message('zh@example.org', '邀请：低碳城市会议', '王小明'),
      message('ru@example.org', 'Приглашение: встреча «Улан-Батор»', 'Дорж Батбаяр'),
    ]);
    await smtp.waitFor(before + 2);
    const zh = smtp.to('zh@example.org');
    expect(zh).toHaveLength(1);
    expect(zh[0]!.parsed.subject).toBe('邀请：低碳城市会议');
    expect(zh[0]!.parsed.to).toMatchObject({ value: [{ address: 'zh@example.org', name: '王小明' }] });
    expect(zh[0]!.parsed.from).toMatchObject({ value: [{ address: 'portal@portal.test', name: 'LCC Portal' }] });
    // Encoded words in the raw headers: the wire carries ASCII only.
    expect(zh[0]!.raw.split('\r\n\r\n')[0]).toMatch(/^Subject: =\?UTF-8\?/m);
    const ru = smtp.to('ru@example.org')[0]!;
    expect(ru.parsed.subject).toBe('Приглашение: встреча «Улан-Батор»');
    expect(ru.parsed.text).toContain('http://portal.test/somewhere?token=abc');
    expect(ru.parsed.html).toContain('href="http://portal.test/somewhere?token=abc"');
    // The server holds the message before the delivery marks its row: wait for the mark.
    const rows = await sqlUntil(
      t.databaseUrl,
      `SELECT status, attempts, sent_at, message_id FROM mail_outbox WHERE to_address = 'ru@example.org'`,
      ([row]) => row?.status === 'sent',
    );
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1, message_id: ru.parsed.messageId });
    // A configured server: no links on the console.
    expect(announced).toEqual([]);
  });

  it('never lets a subject or a name start a header of its own', async () => {
    const before = smtp.received.length;
    await enqueue(t, [message('victim@example.org', 'Hi\r\nBcc: thief@example.org', 'Eve\r\nCc: thief@example.org')]);
    await smtp.waitFor(before + 1);
    const received = smtp.to('victim@example.org')[0]!;
    expect(received.envelopeTo).toEqual(['victim@example.org']);
    expect(received.parsed.subject).toBe('Hi Bcc: thief@example.org');
    expect(received.parsed.cc).toBeUndefined();
    expect(received.parsed.bcc).toBeUndefined();
    expect(smtp.to('thief@example.org')).toHaveLength(0);
  });

  it('records a permanent refusal (5xx) with its reason and does not retry it', async () => {
    await enqueue(t, [message('refused@example.org', 'Refused')]);
    const [row] = await sqlUntil(
      t.databaseUrl,
      `SELECT * FROM mail_outbox WHERE to_address = 'refused@example.org'`,
      ([found]) => found?.status === 'failed',
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(String(row!.last_error)).toContain('550');
  });

  it('keeps mail while the SMTP server is down and delivers every message exactly once when it is back', async () => {
    await smtp.stop();
    const before = smtp.received.length;
    const addresses = Array.from({ length: 6 }, (_, i) => `queued-${i}@example.org`);
    await enqueue(
      t,
      addresses.map((a) => message(a, `Queued ${a}`)),
    );
    // Attempts fail while the server is away; the rows wait with a reason and a later attempt time.
    const failedOnce = await sqlUntil<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE to_address LIKE 'queued-%' AND attempts >= 1 AND status = 'queued' AND last_error IS NOT NULL`,
      ([counted]) => counted!.n >= addresses.length,
    );
    expect(failedOnce[0]!.n).toBe(addresses.length);
    await smtp.start();
    // Several rounds at once (the timer and two explicit ones) compete for the same rows.
    const delivery = t.app.get(MailDeliveryService);
    await Promise.all([delivery.deliverDue(), delivery.deliverDue()]);
    await smtp.waitFor(before + addresses.length);
    const rows = await sqlUntil(
      t.databaseUrl,
      `SELECT status, count(*)::int AS n FROM mail_outbox WHERE to_address LIKE 'queued-%' GROUP BY status`,
      (counts) => counts.every((c) => c.status === 'sent'),
    );
    // A second delivery would have arrived by now, after the rows were marked.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const address of addresses) expect([address, smtp.to(address).length]).toEqual([address, 1]);
    expect(rows).toEqual([{ status: 'sent', n: addresses.length }]);
  });
});

describe('mail delivery with credentials in SMTP_URL', () => {
  it('authenticates with the URL credentials; a refused login fails the message without writing the password', async () => {
    const smtp = new TestSmtpServer({ auth: { user: 'portal', pass: 's3cret pass' } });
    await smtp.start();
    const good = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '0' } });
    try {
      await enqueue(good, [message('auth@example.org', 'Authenticated')]);
      expect(await good.app.get(MailDeliveryService).deliverDue()).toBe(1);
      expect(smtp.to('auth@example.org')).toHaveLength(1);
    } finally {
      await good.close();
    }
    const bad = await createTestApp({
      env: { SMTP_URL: smtp.url.replace('s3cret%20pass', 'wrong-password'), MAIL_POLL_INTERVAL_MS: '0' },
    });
    try {
      await enqueue(bad, [message('denied@example.org', 'Denied')]);
      expect(await bad.app.get(MailDeliveryService).deliverDue()).toBe(0);
      const [row] = await sql(bad.databaseUrl, `SELECT status, last_error FROM mail_outbox`);
      expect(row).toMatchObject({ status: 'failed' });
      expect(String(row!.last_error)).toContain('535');
      expect(String(row!.last_error)).not.toContain('wrong-password');
    } finally {
      await bad.close();
      await smtp.stop();
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { sql } from './support/db.js';
import { createTestApp } from './support/test-app.js';

describe('first admin', () => {
  it('on an empty embedded database without ADMIN_*: prints a one-time password that must be changed first', async () => {
    const printed: string[] = [];
    const t = await createTestApp({
      embeddedDatabase: true,
      env: { ADMIN_EMAIL: null, ADMIN_PASSWORD: null },
      announce: (text) => printed.push(text),
    });
    try {
      const text = printed.join('\n');
      const email = /e-mail:\s+(\S+)/.exec(text)?.[1];
      const password = /password:\s+(\S+)/.exec(text)?.[1];
      expect(email).toBe('admin@lcc.local');
      expect(password).toMatch(/^\S{16,}$/);

      const admin = await t.fx.login(email!, password!);
      expect(admin.profile).toMatchObject({ role: 'admin', mustChangePassword: true });
      const blocked = await t.http().get('/api/members').set('Authorization', admin.auth).expect(403);
      expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await t.http().get('/api/members/me').set('Authorization', admin.auth).expect(200);
      await t
        .http()
        .post('/api/auth/password')
        .set('Authorization', admin.auth)
        .send({ currentPassword: password, newPassword: 'my-own-Admin-pass-1' })
        .expect(204);
      const fresh = await t.fx.login(email!, 'my-own-Admin-pass-1');
      expect(fresh.profile.mustChangePassword).toBe(false);
      await t.http().get('/api/members').set('Authorization', fresh.auth).expect(200);

      // A restart on the same database creates and prints nothing more.
      await t.stop();
      const again: string[] = [];
      const restart = await createTestApp({
        databaseUrl: t.databaseUrl,
        embeddedDatabase: true,
        env: { ADMIN_EMAIL: null, ADMIN_PASSWORD: null },
        announce: (line) => again.push(line),
      });
      await restart.close();
      expect(again).toEqual([]);
      const admins = await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM members WHERE role = 'admin'`);
      expect(admins[0]!.n).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('from ADMIN_EMAIL and ADMIN_PASSWORD: created once, idempotent across restarts, no forced change', async () => {
    const env = { ADMIN_EMAIL: 'Secretariat@LCC.example', ADMIN_PASSWORD: 'configured-Admin-pass-9' };
    const t = await createTestApp({ env });
    try {
      await t.stop();
      const second = await createTestApp({ env, databaseUrl: t.databaseUrl });
      await second.fx.login('secretariat@lcc.example', 'configured-Admin-pass-9');
      await second.close();
      const rows = await sql(t.databaseUrl, `SELECT email, role, status, must_change_password FROM members`);
      expect(rows).toEqual([
        { email: 'Secretariat@LCC.example', role: 'admin', status: 'active', must_change_password: false },
      ]);
    } finally {
      await t.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The code an authenticator app shows `steps` periods from now (RFC 6238, the same library as the server). */
function codeAt(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A code that matches no step in the window around now. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((steps) => codeAt(secret, steps)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

// Low per-member limits for wrong codes (the fixtures' own sign-ins succeed and give their hits back).
const CODE_LIMIT = 5;

describe('two-factor sign-in (TOTP, recovery codes, staff requirement)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_ACCOUNT_CLIENT: String(CODE_LIMIT) } });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Enrols `member` through the account routes; the confirming code is the current step's. */
  async function enrol(
    member: TestMember,
  ): Promise<{ secret: string; confirmedWith: string; recoveryCodes: string[] }> {
    const started = await t.http().post('/api/auth/two-factor/enrolment').set('Authorization', member.auth).expect(201);
    const secret = started.body.secret as string;
    const confirmedWith = codeAt(secret);
    const confirmed = await t
      .http()
      .post('/api/auth/two-factor/enrolment/confirm')
      .set('Authorization', member.auth)
      .send({ code: confirmedWith })
      .expect(200);
    return { secret, confirmedWith, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  async function challenge(member: { email: string; password: string }): Promise<string> {
    const login = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ secondFactor: 'code', challengeToken: expect.any(String), expiresIn: 300 });
    return login.body.challengeToken as string;
  }

  async function auditOf(targetId: string): Promise<{ action: string; actor_id: string | null; details: unknown }[]> {
    return sql(
      t.databaseUrl,
      `SELECT action, actor_id, details FROM audit_entries WHERE target_id = $1 ORDER BY created_at`,
      [targetId],
    );
  }

  it('enrols: QR code and secret, a wrong code changes nothing, the first right code turns it on with ten codes', async () => {
    const member = await t.fx.member();
    const before = await t.http().get('/api/auth/two-factor').set('Authorization', member.auth).expect(200);
    expect(before.body).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false });

    const started = await t.http().post('/api/auth/two-factor/enrolment').set('Authorization', member.auth).expect(201);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.otpauthUri).toContain('issuer=LCC%20Partnership%20Portal');
    const svg = Buffer.from(String(started.body.qrCodeDataUrl).split(',')[1]!, 'base64').toString();
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(svg).toContain('<svg');

    // The secret is stored sealed, never as it is.
    const [stored] = await sql<{ secret_ciphertext: string; confirmed_at: Date | null }>(
      t.databaseUrl,
      `SELECT secret_ciphertext, confirmed_at FROM member_second_factors WHERE member_id = $1`,
      [member.id],
    );
    expect(stored!.secret_ciphertext).toMatch(/^v1\./);
    expect(stored!.secret_ciphertext).not.toContain(started.body.secret);
    expect(stored!.confirmed_at).toBeNull();

    // Not on yet: signing in still needs the password only.
    const plain = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(plain.body.accessToken).toEqual(expect.any(String));

    const wrong = await t
      .http()
      .post('/api/auth/two-factor/enrolment/confirm')
      .set('Authorization', member.auth)
      .send({ code: wrongCode(started.body.secret) })
      .expect(403);
    expect(wrong.body).toMatchObject({ statusCode: 403, code: 'TWO_FACTOR_CODE_WRONG', requestId: expect.any(String) });
    const still = await t.http().get('/api/auth/two-factor').set('Authorization', member.auth).expect(200);
    expect(still.body.enabled).toBe(false);

    const confirmed = await t
      .http()
      .post('/api/auth/two-factor/enrolment/confirm')
      .set('Authorization', member.auth)
      .send({ code: codeAt(started.body.secret) })
      .expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const stored2 = await sql<{ code_hash: string }>(
      t.databaseUrl,
      `SELECT code_hash FROM member_recovery_codes WHERE member_id = $1`,
      [member.id],
    );
    expect(stored2).toHaveLength(10);
    for (const row of stored2) {
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.map((code) => code.replaceAll('-', ''))).not.toContain(row.code_hash);
    }

    const after = await t.http().get('/api/auth/two-factor').set('Authorization', member.auth).expect(200);
    expect(after.body).toMatchObject({ enabled: true, enabledAt: expect.any(String), recoveryCodesLeft: 10 });
    expect((await auditOf(member.id)).map((entry) => entry.action)).toContain('member.two_factor_enabled');

    // A second enrolment would replace a working authenticator: refused.
    const again = await t.http().post('/api/auth/two-factor/enrolment').set('Authorization', member.auth).expect(409);
    expect(again.body.code).toBe('TWO_FACTOR_ALREADY_ENABLED');
  });

  it('signs in with password then code; a wrong code, a replayed code and a challenge used as a token are refused', async () => {
    const member = await t.fx.member();
    const { secret, confirmedWith } = await enrol(member);

    const challengeToken = await challenge(member);
    const login = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(login.headers['set-cookie']).toBeUndefined();
    // The challenge opens nothing else.
    await t.http().get('/api/members/me').set('Authorization', `Bearer ${challengeToken}`).expect(401);

    const wrong = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken, code: wrongCode(secret) })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'TWO_FACTOR_CODE_INVALID', requestId: expect.any(String) });

    // The enrolment used this step's code: it does not count again.
    const replayedConfirmation = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken, code: confirmedWith })
      .expect(401);
    expect(replayedConfirmation.body.code).toBe('TWO_FACTOR_CODE_REUSED');

    const next = codeAt(secret, 1);
    const signedIn = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken, code: next })
      .expect(200);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, member: { id: member.id } });
    expect(signedIn.headers['set-cookie']?.[0]).toMatch(/lcc_refresh=.+; .*HttpOnly; .*SameSite=Strict/);
    await t.http().get('/api/members/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken: signedIn.body.refreshToken }).expect(200);

    const replay = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken: await challenge(member), code: next })
      .expect(401);
    expect(replay.body.code).toBe('TWO_FACTOR_CODE_REUSED');
  });

  it('accepts one code once even when two requests race with it', async () => {
    const member = await t.fx.member();
    const { secret } = await enrol(member);
    const next = codeAt(secret, 1);
    const [a, b] = await Promise.all([challenge(member), challenge(member)]);
    const answers = await Promise.all(
      [a, b].map((challengeToken) =>
        t.http().post('/api/auth/login/second-factor').send({ challengeToken, code: next }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('takes each recovery code once, in any case and spacing', async () => {
    const member = await t.fx.member();
    const { recoveryCodes } = await enrol(member);
    const code = recoveryCodes[3]!;

    const typed = code.toUpperCase().replaceAll('-', ' ');
    const used = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken: await challenge(member), recoveryCode: typed })
      .expect(200);
    expect(used.body.member.id).toBe(member.id);

    const again = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken: await challenge(member), recoveryCode: code })
      .expect(401);
    expect(again.body.code).toBe('TWO_FACTOR_CODE_INVALID');
    const status = await t.http().get('/api/auth/two-factor').set('Authorization', member.auth).expect(200);
    expect(status.body.recoveryCodesLeft).toBe(9);
  });

  it('regenerates recovery codes and removes the second factor only with the password or a current code', async () => {
    const member = await t.fx.member();
    const { secret, recoveryCodes } = await enrol(member);

    const noProof = await t
      .http()
      .post('/api/auth/two-factor/recovery-codes')
      .set('Authorization', member.auth)
      .send({})
      .expect(400);
    expect(noProof.body).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.any(Array) });
    const both = await t
      .http()
      .post('/api/auth/two-factor/remove')
      .set('Authorization', member.auth)
      .send({ password: member.password, code: codeAt(secret, 1) })
      .expect(400);
    expect(both.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));

    const wrongPassword = await t
      .http()
      .post('/api/auth/two-factor/recovery-codes')
      .set('Authorization', member.auth)
      .send({ password: 'not-the-password' })
      .expect(403);
    expect(wrongPassword.body.code).toBe('WRONG_PASSWORD');

    const renewed = await t
      .http()
      .post('/api/auth/two-factor/recovery-codes')
      .set('Authorization', member.auth)
      .send({ password: member.password })
      .expect(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    // The old codes are gone.
    await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken: await challenge(member), recoveryCode: recoveryCodes[0] })
      .expect(401);

    const wrongCodeRemoval = await t
      .http()
      .post('/api/auth/two-factor/remove')
      .set('Authorization', member.auth)
      .send({ code: wrongCode(secret) })
      .expect(403);
    expect(wrongCodeRemoval.body.code).toBe('TWO_FACTOR_CODE_WRONG');
    expect((await t.http().get('/api/auth/two-factor').set('Authorization', member.auth)).body.enabled).toBe(true);

    await t
      .http()
      .post('/api/auth/two-factor/remove')
      .set('Authorization', member.auth)
      .send({ code: codeAt(secret, 1) })
      .expect(204);
    const rows = await sql(
      t.databaseUrl,
      `SELECT (SELECT count(*) FROM member_second_factors WHERE member_id = $1)::int AS factors,
              (SELECT count(*) FROM member_recovery_codes WHERE member_id = $1)::int AS codes`,
      [member.id],
    );
    expect(rows[0]).toEqual({ factors: 0, codes: 0 });
    const plain = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
    expect(plain.body).toMatchObject({ accessToken: expect.any(String), member: { id: member.id } });
    expect((await auditOf(member.id)).map((entry) => entry.action)).toEqual([
      'member.two_factor_enabled',
      'member.recovery_codes_regenerated',
      'member.two_factor_disabled',
    ]);

    const nothing = await t
      .http()
      .post('/api/auth/two-factor/remove')
      .set('Authorization', member.auth)
      .send({ password: member.password })
      .expect(409);
    expect(nothing.body.code).toBe('TWO_FACTOR_NOT_ENABLED');
  });

  it('refuses bad input with 4xx in the error shape and changes nothing', async () => {
    const member = await t.fx.member();
    const { secret } = await enrol(member);
    const challengeToken = await challenge(member);
    const attempts: [unknown, number][] = [
      [{ challengeToken }, 400],
      [{ challengeToken, code: '12345' }, 400],
      [{ challengeToken, code: 123456 }, 400],
      [{ challengeToken, code: codeAt(secret, 1), recoveryCode: 'abcd-efgh-jkmn-pqrs' }, 400],
      [{ challengeToken: 'not-a-token', code: '123456' }, 400],
      [{ challengeToken, code: '123456', extra: true }, 400],
      // Signed, but with the access tokens' key: not a challenge.
      [{ challengeToken: member.accessToken, code: codeAt(secret, 1) }, 401],
    ];
    for (const [body, status] of attempts) {
      const response = await t
        .http()
        .post('/api/auth/login/second-factor')
        .send(body as object);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), status]);
      expect(response.body).toMatchObject({
        statusCode: status,
        code: expect.any(String),
        requestId: expect.any(String),
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const validation = await t.http().post('/api/auth/login/second-factor').send({ challengeToken, code: 'abc' });
    expect(validation.body.details).toEqual([expect.objectContaining({ field: 'code' })]);

    // The next code is still unused: nothing above spent it.
    await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken, code: codeAt(secret, 1) })
      .expect(200);

    await t.http().get('/api/auth/two-factor').expect(401);
    await t.http().post('/api/auth/two-factor/enrolment').expect(401);
    const confirmBad = await t
      .http()
      .post('/api/auth/two-factor/enrolment/confirm')
      .set('Authorization', member.auth)
      .send({ code: '' })
      .expect(400);
    expect(confirmBad.body.code).toBe('VALIDATION_FAILED');

    const admin = await t.fx.admin();
    const policy = await t
      .http()
      .put('/api/auth/two-factor/policy')
      .set('Authorization', admin.auth)
      .send({ requiredForStaff: 'yes' })
      .expect(400);
    expect(policy.body.details).toEqual([expect.objectContaining({ field: 'requiredForStaff' })]);
    expect((await t.http().get('/api/auth/two-factor/policy').set('Authorization', admin.auth)).body).toEqual({
      requiredForStaff: false,
    });
    await t.http().post('/api/members/not-a-uuid/two-factor/reset').set('Authorization', admin.auth).expect(400);
    expect((await t.http().get('/api/auth/two-factor').set('Authorization', member.auth)).body.enabled).toBe(true);
  });

  it('limits wrong codes per member like wrong passwords, with 429 and Retry-After', async () => {
    const member = await t.fx.member();
    const other = await t.fx.member();
    const { secret } = await enrol(member);
    const otherFactor = await enrol(other);
    const challengeToken = await challenge(member);
    for (let i = 0; i < CODE_LIMIT; i += 1) {
      await t
        .http()
        .post('/api/auth/login/second-factor')
        .send({ challengeToken, code: wrongCode(secret) })
        .expect(401);
    }
    const limited = await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken, code: codeAt(secret, 1) })
      .expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another member from the same address still signs in.
    await t
      .http()
      .post('/api/auth/login/second-factor')
      .send({ challengeToken: await challenge(other), code: codeAt(otherFactor.secret, 1) })
      .expect(200);
  });

  it('admins require two factors for staff: a coordinator enrols at the next sign-in; members are not asked', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const member = await t.fx.member();

    const forbidden = await t
      .http()
      .put('/api/auth/two-factor/policy')
      .set('Authorization', coordinator.auth)
      .send({ requiredForStaff: true })
      .expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const on = await t
      .http()
      .put('/api/auth/two-factor/policy')
      .set('Authorization', admin.auth)
      .send({ requiredForStaff: true })
      .expect(200);
    expect(on.body).toEqual({ requiredForStaff: true });
    try {
      const [policyAudit] = await sql<{ action: string; actor_id: string; details: unknown }>(
        t.databaseUrl,
        `SELECT action, actor_id, details FROM audit_entries WHERE action = 'setting.two_factor_policy_changed'`,
      );
      expect(policyAudit).toEqual({
        action: 'setting.two_factor_policy_changed',
        actor_id: admin.id,
        details: { requiredForStaff: true },
      });

      // A member's sign-in is as before.
      const plain = await t.http().post('/api/auth/login').send({ email: member.email, password: member.password });
      expect(plain.body.accessToken).toEqual(expect.any(String));
      expect((await t.http().get('/api/auth/two-factor').set('Authorization', coordinator.auth)).body.required).toBe(
        true,
      );

      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: coordinator.email, password: coordinator.password })
        .expect(200);
      expect(login.body).toEqual({ secondFactor: 'enrolment', challengeToken: expect.any(String), expiresIn: 900 });
      expect(login.body).not.toHaveProperty('accessToken');
      const challengeToken = login.body.challengeToken as string;

      // An enrolment challenge is not a code challenge.
      const misuse = await t
        .http()
        .post('/api/auth/login/second-factor')
        .send({ challengeToken, code: '123456' })
        .expect(401);
      expect(misuse.body.code).toBe('TWO_FACTOR_CHALLENGE_INVALID');

      const started = await t
        .http()
        .post('/api/auth/login/second-factor/enrolment')
        .send({ challengeToken })
        .expect(200);
      const secret = started.body.secret as string;
      const wrong = await t
        .http()
        .post('/api/auth/login/second-factor/enrolment/confirm')
        .send({ challengeToken, code: wrongCode(secret) })
        .expect(401);
      expect(wrong.body.code).toBe('TWO_FACTOR_CODE_INVALID');
      const enrolled = await t
        .http()
        .post('/api/auth/login/second-factor/enrolment/confirm')
        .send({ challengeToken, code: codeAt(secret) })
        .expect(200);
      expect(enrolled.body).toMatchObject({ tokenType: 'Bearer', member: { id: coordinator.id } });
      expect(enrolled.body.recoveryCodes).toHaveLength(10);
      expect(enrolled.headers['set-cookie']?.[0]).toMatch(/lcc_refresh=/);

      // From now on the coordinator signs in with a code.
      await challenge(coordinator);

      // The admin resets it (a lost phone): audited, and the coordinator enrols again at the next sign-in.
      const notAdmin = await t
        .http()
        .post(`/api/members/${coordinator.id}/two-factor/reset`)
        .set('Authorization', coordinator.auth)
        .expect(403);
      expect(notAdmin.body.code).toBe('FORBIDDEN');
      await t
        .http()
        .post(`/api/members/${coordinator.id}/two-factor/reset`)
        .set('Authorization', admin.auth)
        .expect(204);
      const audit = await auditOf(coordinator.id);
      expect(audit.at(-1)).toEqual({ action: 'member.two_factor_reset', actor_id: admin.id, details: {} });
      const afterReset = await t
        .http()
        .post('/api/auth/login')
        .send({ email: coordinator.email, password: coordinator.password })
        .expect(200);
      expect(afterReset.body.secondFactor).toBe('enrolment');

      const nothing = await t
        .http()
        .post(`/api/members/${coordinator.id}/two-factor/reset`)
        .set('Authorization', admin.auth)
        .expect(409);
      expect(nothing.body.code).toBe('TWO_FACTOR_NOT_ENABLED');
      const unknown = await t
        .http()
        .post('/api/members/00000000-0000-4000-8000-000000000000/two-factor/reset')
        .set('Authorization', admin.auth)
        .expect(404);
      expect(unknown.body.code).toBe('MEMBER_NOT_FOUND');
      const self = await t.http().post(`/api/members/${admin.id}/two-factor/reset`).set('Authorization', admin.auth);
      expect(self.status).toBe(403);
    } finally {
      await t
        .http()
        .put('/api/auth/two-factor/policy')
        .set('Authorization', admin.auth)
        .send({ requiredForStaff: false })
        .expect(200);
    }
    const coordinatorAgain = await t
      .http()
      .post('/api/auth/login')
      .send({ email: coordinator.email, password: coordinator.password })
      .expect(200);
    expect(coordinatorAgain.body.accessToken).toEqual(expect.any(String));
  });
});

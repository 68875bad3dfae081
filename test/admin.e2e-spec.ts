import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEntryResponse, MemberResponse, NotificationResponse, Page } from '@lcc/contracts';
import { connectSocket, waitForEvent } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('administration: rejection with a reason, no acts on oneself, the audit log, live lists', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const auditOf = async (targetId: string): Promise<AuditEntryResponse[]> => {
    const admin = await t.fx.admin();
    const response = await t.http().get(`/api/audit?targetId=${targetId}`).set('Authorization', admin.auth).expect(200);
    return (response.body as Page<AuditEntryResponse>).items;
  };

  it('rejects a pending registration with a reason: stored, audited, e-mailed in the applicant’s language', async () => {
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const applicant = await t.fx.pendingMember({ displayName: 'Иван Петров', language: 'ru' });
    const reason = 'The network admits organisations of the six member states.';

    // Bad input changes nothing.
    const blank = await t
      .http()
      .post(`/api/members/${applicant.id}/reject`)
      .set('Authorization', coordinator.auth)
      .send({ reason: '   ' })
      .expect(400);
    expect(blank.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'reason' })],
    });
    await t
      .http()
      .post(`/api/members/${applicant.id}/reject`)
      .set('Authorization', coordinator.auth)
      .send({})
      .expect(400);
    const ordinary = await t.fx.member();
    await t
      .http()
      .post(`/api/members/${applicant.id}/reject`)
      .set('Authorization', ordinary.auth)
      .send({ reason })
      .expect(403);
    await t.http().post(`/api/members/${applicant.id}/reject`).send({ reason }).expect(401);
    expect((await sql(t.databaseUrl, 'SELECT status FROM members WHERE id = $1', [applicant.id]))[0]).toEqual({
      status: 'pending',
    });

    const rejected = await t
      .http()
      .post(`/api/members/${applicant.id}/reject`)
      .set('Authorization', coordinator.auth)
      .send({ reason: `  ${reason} ` })
      .expect(200);
    expect(rejected.body).toMatchObject({ id: applicant.id, status: 'rejected', rejectionReason: reason });
    const [row] = await sql<{ status: string; rejection_reason: string; rejected_at: Date | null }>(
      t.databaseUrl,
      'SELECT status, rejection_reason, rejected_at FROM members WHERE id = $1',
      [applicant.id],
    );
    expect(row).toMatchObject({ status: 'rejected', rejection_reason: reason });
    expect(row?.rejected_at).toBeInstanceOf(Date);

    const [mail] = await sql<{ language: string; subject: string; text: string }>(
      t.databaseUrl,
      `SELECT language, subject, text FROM mail_outbox WHERE kind = 'registration_rejected' AND to_address = $1`,
      [applicant.email],
    );
    expect(mail?.language).toBe('ru');
    expect(mail?.subject).toBe('Ваша регистрация на портале партнёрства LCC');
    expect(mail?.text).toContain(`Причина: ${reason}`);

    expect(await auditOf(applicant.id)).toEqual([
      expect.objectContaining({ action: 'member.rejected', actorId: coordinator.id, details: { reason } }),
    ]);

    // Rejected once is final: not again, not approved afterwards, and the applicant cannot sign in.
    await t
      .http()
      .post(`/api/members/${applicant.id}/reject`)
      .set('Authorization', coordinator.auth)
      .send({ reason })
      .expect(409);
    const approve = await t
      .http()
      .post(`/api/members/${applicant.id}/approve`)
      .set('Authorization', coordinator.auth)
      .expect(409);
    expect(approve.body.code).toBe('MEMBER_NOT_PENDING');
    const login = await t.http().post('/api/auth/login').send({ email: applicant.email, password: applicant.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_REJECTED');

    // Staff find it under its status, with the reason; members never see the reason.
    const list = await t.http().get('/api/members?status=rejected').set('Authorization', coordinator.auth).expect(200);
    expect((list.body as Page<MemberResponse>).items.map((m) => m.id)).toEqual([applicant.id]);
    const directory = await t.http().get('/api/members').set('Authorization', ordinary.auth).expect(200);
    for (const member of (directory.body as Page<MemberResponse>).items)
      expect(member).not.toHaveProperty('rejectionReason');
  });

  it('refuses to suspend one’s own account with CANNOT_ACT_ON_SELF and changes nothing', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    for (const actor of [admin, coordinator]) {
      const response = await t
        .http()
        .post(`/api/members/${actor.id}/suspend`)
        .set('Authorization', actor.auth)
        .expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'CANNOT_ACT_ON_SELF' });
      expect(response.body.requestId).toEqual(expect.any(String));
      expect((await sql(t.databaseUrl, 'SELECT status FROM members WHERE id = $1', [actor.id]))[0]).toEqual({
        status: 'active',
      });
      expect((await auditOf(actor.id)).filter((e) => e.action === 'member.suspended')).toEqual([]);
    }
  });

  it('audits approve, suspend, reinstate, role change, invitations and password changes, never a secret', async () => {
    const admin = await t.fx.admin();
    const pending = await t.fx.pendingMember();
    await t.http().post(`/api/members/${pending.id}/approve`).set('Authorization', admin.auth).expect(200);
    await t.http().post(`/api/members/${pending.id}/suspend`).set('Authorization', admin.auth).expect(200);
    await t.http().post(`/api/members/${pending.id}/reinstate`).set('Authorization', admin.auth).expect(200);
    await t
      .http()
      .patch(`/api/members/${pending.id}/role`)
      .set('Authorization', admin.auth)
      .send({ role: 'coordinator' })
      .expect(200);
    expect((await auditOf(pending.id)).map((e) => [e.action, e.actorId, e.details])).toEqual([
      ['member.role_changed', admin.id, { from: 'member', to: 'coordinator' }],
      ['member.reinstated', admin.id, {}],
      ['member.suspended', admin.id, { previousStatus: 'active' }],
      ['member.approved', admin.id, {}],
    ]);

    const invitation = await t
      .http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email: t.fx.email('invitee') })
      .expect(201);
    await t.http().post(`/api/invitations/${invitation.body.id}/revoke`).set('Authorization', admin.auth).expect(200);
    expect((await auditOf(invitation.body.id)).map((e) => e.action)).toEqual([
      'invitation.revoked',
      'invitation.created',
    ]);

    const member = await t.fx.member();
    const newPassword = 'amber Lantern 48 rivers';
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', member.auth)
      .send({ currentPassword: member.password, newPassword })
      .expect(204);
    const entries = await auditOf(member.id);
    expect(entries.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ['member.password_changed', member.id, { forced: false }],
    ]);
    const stored = JSON.stringify(await sql(t.databaseUrl, 'SELECT details FROM audit_entries'));
    expect(stored).not.toContain(newPassword);
    expect(stored).not.toContain(member.password);
    expect(stored).not.toContain(invitation.body.token);
  });

  it('tells coordinators and admins of a confirmed registration, naming who registered, and refreshes their lists live', async () => {
    const admin = await t.fx.admin();
    const coordinator = await t.fx.member({ role: 'coordinator' });
    const member = await t.fx.member();
    const adminSocket = await connectSocket(t.url, admin.accessToken);
    const memberSocket = await connectSocket(t.url, member.accessToken);
    try {
      const heard: string[] = [];
      memberSocket.on('member.changed', (payload) => heard.push(payload.memberId));
      const registered = waitForEvent(adminSocket, 'member.changed', (p) => p.status === 'pending');
      const applicant = await t.fx.pendingMember({ displayName: 'Saikhan Bold', organization: 'Darkhan City' });
      expect(await registered).toMatchObject({ memberId: applicant.id, status: 'pending', role: 'member' });

      const [mail] = await sql<{ text: string }>(
        t.databaseUrl,
        `SELECT text FROM mail_outbox WHERE kind = 'email_confirmation' AND to_address = $1`,
        [applicant.email],
      );
      const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
      const notified = waitForEvent(adminSocket, 'notification.created', (n) => n.type === 'registration_pending');
      await t.http().post('/api/auth/email/confirm').send({ token }).expect(204);
      expect(await notified).toMatchObject({
        type: 'registration_pending',
        title: 'Saikhan Bold registered and waits for approval',
        data: { memberId: applicant.id, memberName: 'Saikhan Bold', organization: 'Darkhan City', country: 'MN' },
      });
      const inbox = async (who: { auth: string }) =>
        (
          (await t.http().get('/api/notifications').set('Authorization', who.auth).expect(200))
            .body as Page<NotificationResponse>
        ).items.filter((n) => n.type === 'registration_pending' && n.data.memberId === applicant.id);
      expect(await inbox(coordinator)).toHaveLength(1);
      expect(await inbox(member)).toHaveLength(0);

      // Approval reaches every socket: the directory changed for everyone.
      const approved = waitForEvent(memberSocket, 'member.changed', (p) => p.memberId === applicant.id);
      await t.http().post(`/api/members/${applicant.id}/approve`).set('Authorization', admin.auth).expect(200);
      expect(await approved).toEqual({ memberId: applicant.id, status: 'active', role: 'member' });
      // The pending registration itself was for staff only.
      expect(heard.filter((id) => id === applicant.id)).toHaveLength(1);
    } finally {
      adminSocket.close();
      memberSocket.close();
    }
  });
});

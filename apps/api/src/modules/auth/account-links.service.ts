import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditAction, MemberStatus } from '@lcc/contracts';
import { newSecret, sha256 } from '../../common/http/secrets.js';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService } from '../mail/mail.service.js';
import { emailConfirmationMail, passwordResetMail, registrationPendingMail } from '../mail/mail.service.js';
import { MemberAwaitingApprovalEvent } from '../members/events/member-awaiting-approval.event.js';
import type { Member } from '../members/members.service.js';
import { MembersService } from '../members/members.service.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import type { ResetPasswordDto } from './dto/account-links.dto.js';
import { AccountToken, type AccountTokenPurpose } from './entities/account-token.entity.js';
import { assertStrongPassword } from './password-strength.js';
import { SessionsService } from './sessions.service.js';

/**
 * Links sent by e-mail that act on an account: address confirmation after a self-registration, and password
 * reset. Tokens are 256-bit, single use, expiring, and stored only as SHA-256.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
    private readonly members: MembersService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /** Queues the confirmation e-mail of a self-registered member (inside the registration's transaction). */
  async sendConfirmation(manager: EntityManager, member: Member): Promise<void> {
    const ttl = this.config.get('EMAIL_CONFIRMATION_TTL_SECONDS', { infer: true });
    const { token, expiresAt } = await this.issue(manager, member.id, 'email_confirmation', ttl);
    await this.mail.enqueue(manager, {
      kind: 'email_confirmation',
      to: { address: member.email, name: member.displayName },
      language: member.language,
      content: emailConfirmationMail({
        language: member.language,
        name: member.displayName,
        email: member.email,
        url: `${publicUrl(this.config)}/confirm-email?token=${token}`,
        expiresAt,
        timeZone: member.timeZone,
      }),
    });
  }

  /**
   * Confirms the address; the coordinators then hear that a confirmed registration waits for them (the e-mail in
   * the same transaction, the in-app notification after the commit), so nobody is asked to approve an address its
   * owner never confirmed.
   */
  async confirmEmail(token: string): Promise<void> {
    const awaiting = await this.dataSource.transaction(async (manager) => {
      const memberId = await this.consume(manager, token, 'email_confirmation');
      await this.members.markEmailVerified(manager, memberId);
      const member = await this.members.findById(memberId);
      if (member?.status !== MemberStatus.Pending) return null;
      const staff = await this.members.staffRecipients(manager);
      await this.mail.enqueue(
        manager,
        staff.map((recipient) => ({
          kind: 'registration_pending',
          to: { address: recipient.email, name: recipient.displayName },
          language: recipient.language,
          content: registrationPendingMail({
            language: recipient.language,
            recipientName: recipient.displayName,
            name: member.displayName,
            email: member.email,
            organization: member.organization,
            country: member.country,
            url: `${publicUrl(this.config)}/admin`,
          }),
        })),
      );
      return member.id;
    });
    if (awaiting) {
      await this.events.emitAsync(MemberAwaitingApprovalEvent.NAME, new MemberAwaitingApprovalEvent(awaiting));
    }
  }

  /**
   * Queues a reset link for an account that is not suspended. Unknown addresses get nothing; the caller answers
   * the same in every case.
   */
  async forgotPassword(email: string): Promise<void> {
    const member = await this.members.findByEmail(email);
    if (!member || isClosed(member.status)) return;
    const ttl = this.config.get('PASSWORD_RESET_TTL_SECONDS', { infer: true });
    await this.dataSource.transaction(async (manager) => {
      const { token, expiresAt } = await this.issue(manager, member.id, 'password_reset', ttl);
      await this.mail.enqueue(manager, {
        kind: 'password_reset',
        to: { address: member.email, name: member.displayName },
        language: member.language,
        content: passwordResetMail({
          language: member.language,
          name: member.displayName,
          email: member.email,
          url: `${publicUrl(this.config)}/reset-password?token=${token}`,
          expiresAt,
          timeZone: member.timeZone,
        }),
      });
    });
  }

  /** Sets the new password, spends every reset link of the account and ends all its sessions. */
  async resetPassword(dto: ResetPasswordDto): Promise<void> {
    const memberId = await this.dataSource.transaction(async (manager) => {
      const id = await this.consume(manager, dto.token, 'password_reset');
      const member = await this.members.findById(id);
      if (!member || isClosed(member.status)) {
        throw new AuthException(AuthErrorCode.RESET_TOKEN_INVALID);
      }
      assertStrongPassword('newPassword', dto.newPassword, [
        member.email,
        member.displayName,
        member.organization,
        member.city,
      ]);
      await this.members.setPassword(id, dto.newPassword, manager);
      // The link proved the address too.
      await this.members.markEmailVerified(manager, id);
      await manager
        .getRepository(AccountToken)
        .update({ memberId: id, purpose: 'password_reset', usedAt: IsNull() }, { usedAt: new Date() });
      await this.audit.record(
        { action: AuditAction.PasswordReset, actorId: id, targetType: 'member', targetId: id, details: {} },
        manager,
      );
      return id;
    });
    await this.sessions.revokeAll(memberId, 'password_reset');
  }

  private async issue(
    manager: EntityManager,
    memberId: string,
    purpose: AccountTokenPurpose,
    ttlSeconds: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const { token, hash } = newSecret();
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    await manager.getRepository(AccountToken).insert({ memberId, purpose, tokenHash: hash, expiresAt });
    return { token, expiresAt };
  }

  /** Spends a token under a row lock; unknown, used, expired or of another purpose are one answer. */
  private async consume(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string> {
    const repository = manager.getRepository(AccountToken);
    const found = await repository.findOne({
      where: { tokenHash: sha256(token), purpose },
      lock: { mode: 'pessimistic_write' },
    });
    const code =
      purpose === 'password_reset' ? AuthErrorCode.RESET_TOKEN_INVALID : AuthErrorCode.CONFIRMATION_TOKEN_INVALID;
    if (!found || found.usedAt || found.expiresAt.getTime() <= Date.now()) throw new AuthException(code);
    await repository.update({ id: found.id }, { usedAt: new Date() });
    return found.memberId;
  }
}

/** Suspended, rejected and deleted accounts get no reset link and cannot use one. */
function isClosed(status: MemberStatus): boolean {
  return status === MemberStatus.Suspended || status === MemberStatus.Rejected || status === MemberStatus.Deleted;
}

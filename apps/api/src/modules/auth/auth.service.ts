import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, type MemberResponse, MemberStatus, NetworkRole, type TokenPairResponse } from '@lcc/contracts';
import type { Actor, ClientInfo } from '../../common/http/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { MemberChangedEvent } from '../members/events/member-changed.event.js';
import { MemberRegisteredEvent } from '../members/events/member-registered.event.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MemberSuspendedEvent } from '../members/events/member-suspended.event.js';
import type { Member } from '../members/members.service.js';
import { toMemberResponse } from '../members/member-view.js';
import { MembersService } from '../members/members.service.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { assertMaySignIn } from './sign-in-status.js';
import { assertStrongPassword } from './password-strength.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import { type AccessTokenClaims, SessionsService } from './sessions.service.js';
import { AccountLinksService } from './account-links.service.js';

/** Registration, sign-in, token refresh, sign-out and password changes. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly events: EventEmitter2,
    private readonly accountLinks: AccountLinksService,
    private readonly audit: AuditService,
  ) {}

  /** Pending until approved; active at once with a valid invitation for the same e-mail (consumed atomically). */
  async register(dto: RegisterDto): Promise<MemberResponse> {
    const { invitationToken, password, ...profile } = dto;
    assertStrongPassword('password', password, [dto.email, dto.displayName, dto.organization, dto.city]);
    const { member, workingGroupId } = await this.dataSource.transaction(async (manager) => {
      const invitation = invitationToken ? await this.invitations.consume(manager, invitationToken, dto.email) : null;
      const created = await this.members.create(
        {
          ...profile,
          // The language the coordinator wrote the invitation in, unless the invitee chose another.
          language: profile.language ?? invitation?.language,
          password,
          role: invitation?.role ?? NetworkRole.Member,
          status: invitation ? MemberStatus.Active : MemberStatus.Pending,
          // The invitation reached this address: that proves it. Others confirm through the e-mailed link.
          emailVerified: Boolean(invitation),
        },
        manager,
      );
      if (invitation) await this.invitations.linkMember(manager, invitation.id, created.id);
      else await this.accountLinks.sendConfirmation(manager, created);
      return { member: created, workingGroupId: invitation?.workingGroupId ?? null };
    });
    await this.events.emitAsync(
      MemberRegisteredEvent.NAME,
      new MemberRegisteredEvent(member.id, member.status, workingGroupId),
    );
    // A pending registration shows in the staff's lists; an invited member joins the directory at once.
    await this.events.emitAsync(
      MemberChangedEvent.NAME,
      new MemberChangedEvent(member.id, member.status, member.role, member.status === MemberStatus.Pending),
    );
    return toMemberResponse(member, { id: member.id, role: member.role });
  }

  /** passport-local's check: the right password of an active account. */
  async validateCredentials(email: string, password: string): Promise<Member> {
    const found = await this.members.findForLogin(email);
    const valid = await this.members.verifyHash(found?.passwordHash ?? null, password);
    if (!found || !valid) throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    // A deleted account has no password anyone knows; should one match, it is refused like a wrong one.
    assertMaySignIn(found.member.status);
    return found.member;
  }

  async login(member: Member, client: ClientInfo): Promise<TokenPairResponse> {
    const tokens = await this.sessions.start(member.id, client);
    return this.tokenPair(member, tokens);
  }

  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<TokenPairResponse> {
    if (!refreshToken) throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    const { memberId, tokens } = await this.sessions.rotate(refreshToken, client);
    const member = await this.members.findById(memberId);
    if (!member) throw new AuthException(AuthErrorCode.SESSION_REVOKED);
    return this.tokenPair(member, tokens);
  }

  /** Ends the session of the refresh token, or else of the access token; unknown tokens end nothing. */
  async logout(refreshToken: string | undefined, actor: Actor | null): Promise<void> {
    const session = refreshToken ? await this.sessions.sessionOfRefreshToken(refreshToken) : null;
    if (session) {
      await this.sessions.revoke(session.memberId, [session.id], 'logout');
    } else if (actor) {
      await this.sessions.revoke(actor.id, [actor.sessionId], 'logout');
    }
  }

  async logoutEverywhere(actor: Actor): Promise<void> {
    await this.sessions.revokeAll(actor.id, 'logout_everywhere');
  }

  /** Changes the password and ends every other session of the member. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    if (!(await this.members.verifyPassword(actor.id, dto.currentPassword))) {
      throw new AuthException(AuthErrorCode.WRONG_PASSWORD);
    }
    if (dto.currentPassword === dto.newPassword) throw new AuthException(AuthErrorCode.PASSWORD_UNCHANGED);
    const member = await this.members.findById(actor.id);
    assertStrongPassword('newPassword', dto.newPassword, [
      member?.email,
      actor.displayName,
      member?.organization,
      dto.currentPassword,
    ]);
    await this.dataSource.transaction(async (manager) => {
      await this.members.setPassword(actor.id, dto.newPassword, manager);
      // Who and when only: neither password is ever written to the log.
      await this.audit.record(
        {
          action: AuditAction.PasswordChanged,
          actorId: actor.id,
          targetType: 'member',
          targetId: actor.id,
          details: { forced: member?.mustChangePassword ?? false },
        },
        manager,
      );
    });
    await this.sessions.revokeAll(actor.id, 'password_changed', actor.sessionId);
  }

  /**
   * Turns verified access-token claims into the acting member: the session must be live and the member active,
   * so suspension and sign-out take effect at once.
   */
  async resolveActor(claims: AccessTokenClaims): Promise<Actor> {
    const member = await this.sessions.findLiveMember(claims.sub, claims.sid);
    if (!member || member.status !== MemberStatus.Active) throw new AuthException(AuthErrorCode.SESSION_REVOKED);
    return { ...member, sessionId: claims.sid };
  }

  @OnEvent(MemberSuspendedEvent.NAME, { async: true, promisify: true })
  async onMemberSuspended(event: MemberSuspendedEvent): Promise<void> {
    await this.sessions.revokeAll(event.memberId, 'suspended');
  }

  /**
   * A deleted account's sessions end (its sockets drop with them), its e-mailed links stop working, and what it
   * signed in with leaves: its authenticator secret, recovery codes and single sign-on identities.
   */
  @OnEvent(MemberDeletedEvent.NAME, { async: true, promisify: true })
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const table of ['account_tokens', 'member_second_factors', 'member_recovery_codes', 'member_identities']) {
        await manager.query(`DELETE FROM ${table} WHERE member_id = $1`, [event.memberId]);
      }
    });
    await this.sessions.revokeAll(event.memberId, 'account_deleted');
  }

  private tokenPair(
    member: Member,
    tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  ): TokenPairResponse {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      tokenType: 'Bearer',
      member: toMemberResponse(member, { id: member.id, role: member.role }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  type InvitationListItem,
  type InvitationResponse,
  type InvitationState,
  Language,
  NetworkRole,
  type Page,
} from '@lcc/contracts';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import type { Actor } from '../../common/http/actor.js';
import { newSecret, sha256 } from '../../common/http/secrets.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService } from '../mail/mail.service.js';
import { invitationMail } from '../mail/mail.service.js';
import { MembersService } from '../members/members.service.js';
import { assertGroupOpen, WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { CreateInvitationDto } from './dto/create-invitation.dto.js';
import type { ListInvitationsQueryDto } from './dto/list-invitations-query.dto.js';
import { Invitation } from './entities/invitation.entity.js';
import { InvitationErrorCode, InvitationException } from './invitations.exception.js';

/** Roles each inviter may hand out: coordinators invite members and observers; admins anyone. */
const GRANTABLE: Record<NetworkRole, NetworkRole[]> = {
  [NetworkRole.Admin]: [NetworkRole.Admin, NetworkRole.Coordinator, NetworkRole.Member, NetworkRole.Observer],
  [NetworkRole.Coordinator]: [NetworkRole.Member, NetworkRole.Observer],
  [NetworkRole.Member]: [],
  [NetworkRole.Observer]: [],
};

/** The state an invitation is in at `now`. */
function stateOf(invitation: Invitation, now = Date.now()): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

/** Invitations: created, re-sent and withdrawn by coordinators and admins, consumed once by a registration. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly workingGroups: WorkingGroupsService,
    private readonly mail: MailService,
  ) {}

  /** Creates the invitation and queues its e-mail in the same transaction. */
  async create(actor: Actor, dto: CreateInvitationDto): Promise<InvitationResponse> {
    const role = dto.role ?? NetworkRole.Member;
    if (!GRANTABLE[actor.role].includes(role)) {
      throw new InvitationException(InvitationErrorCode.INVITATION_ROLE_NOT_ALLOWED);
    }
    // A group that does not exist is 404 WORKING_GROUP_NOT_FOUND, as on every other route naming a group (the
    // inviters, coordinators and admins, see every group); otherwise the registration would join nothing. An
    // archived group takes no new members (409).
    if (dto.workingGroupId) assertGroupOpen(await this.workingGroups.requireListed(actor, dto.workingGroupId));
    if (await this.members.emailExists(dto.email)) {
      throw new InvitationException(InvitationErrorCode.INVITEE_ALREADY_MEMBER);
    }
    const { token, hash } = newSecret();
    const invitation = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Invitation).save({
        email: dto.email,
        role,
        workingGroupId: dto.workingGroupId ?? null,
        language: dto.language ?? Language.En,
        tokenHash: hash,
        invitedById: actor.id,
        expiresAt: this.newExpiry(),
        revokedAt: null,
      });
      await this.audit.record(
        {
          action: AuditAction.InvitationCreated,
          actorId: actor.id,
          targetType: 'invitation',
          targetId: saved.id,
          details: { email: dto.email, role, workingGroupId: saved.workingGroupId, language: saved.language },
        },
        manager,
      );
      await this.queueMail(manager, actor, saved, token);
      return saved;
    });
    return this.toCreated(invitation, token);
  }

  /** Every invitation with its state, newest first (coordinators see them all). */
  async list(query: ListInvitationsQueryDto): Promise<Page<InvitationListItem>> {
    const qb = this.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.invitedBy', 'by')
      // Ordered by the millisecond a cursor can carry (created_at has microseconds), so pages neither skip nor repeat.
      .orderBy(`date_trunc('milliseconds', i.createdAt)`, 'DESC')
      .addOrderBy('i.id', 'DESC');
    switch (query.state) {
      case 'accepted':
        qb.andWhere('i.acceptedAt IS NOT NULL');
        break;
      case 'revoked':
        qb.andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NOT NULL');
        break;
      case 'expired':
        qb.andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt <= now()');
        break;
      case 'pending':
        qb.andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()');
        break;
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere(`(date_trunc('milliseconds', i.createdAt), i.id) < (:createdAt, :id)`, { createdAt, id });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, toListItem, (i) => [i.createdAt.toISOString(), i.id]);
  }

  /** A new link (the old one stops working) and a new expiry, e-mailed again. */
  async resend(actor: Actor, id: string): Promise<InvitationResponse> {
    const { token, hash } = newSecret();
    const invitation = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockForChange(manager, actor, id);
      found.tokenHash = hash;
      found.expiresAt = this.newExpiry();
      const saved = await manager.getRepository(Invitation).save(found);
      await this.audit.record(
        {
          action: AuditAction.InvitationResent,
          actorId: actor.id,
          targetType: 'invitation',
          targetId: id,
          details: {},
        },
        manager,
      );
      await this.queueMail(manager, actor, saved, token);
      return saved;
    });
    return this.toCreated(invitation, token);
  }

  async revoke(actor: Actor, id: string): Promise<InvitationListItem> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockForChange(manager, actor, id);
      found.revokedAt = new Date();
      const saved = await manager.getRepository(Invitation).save(found);
      await this.audit.record(
        {
          action: AuditAction.InvitationRevoked,
          actorId: actor.id,
          targetType: 'invitation',
          targetId: id,
          details: {},
        },
        manager,
      );
      return saved;
    });
    const withInviter = await this.dataSource
      .getRepository(Invitation)
      .findOneOrFail({ where: { id: invitation.id }, relations: { invitedBy: true } });
    return toListItem(withInviter);
  }

  /**
   * Marks the invitation used inside the registration's transaction (row-locked, so two registrations cannot
   * both use it) and returns it.
   */
  async consume(manager: EntityManager, token: string, email: string): Promise<Invitation> {
    const repository = manager.getRepository(Invitation);
    const invitation = await repository.findOne({
      where: { tokenHash: sha256(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invitation || invitation.revokedAt) throw new InvitationException(InvitationErrorCode.INVITATION_INVALID);
    if (invitation.acceptedAt) throw new InvitationException(InvitationErrorCode.INVITATION_ALREADY_USED);
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new InvitationException(InvitationErrorCode.INVITATION_EXPIRED);
    }
    if (invitation.email.toLowerCase() !== email.trim().toLowerCase()) {
      throw new InvitationException(InvitationErrorCode.INVITATION_EMAIL_MISMATCH);
    }
    invitation.acceptedAt = new Date();
    await repository.save(invitation);
    return invitation;
  }

  /** Links the consumed invitation to the member it created (same transaction). */
  async linkMember(manager: EntityManager, invitationId: string, memberId: string): Promise<void> {
    await manager.getRepository(Invitation).update({ id: invitationId }, { acceptedMemberId: memberId });
  }

  /** The invitation under a row lock, if the actor may change it and it is not used or withdrawn. */
  private async lockForChange(manager: EntityManager, actor: Actor, id: string): Promise<Invitation> {
    const found = await manager
      .getRepository(Invitation)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new InvitationException(InvitationErrorCode.INVITATION_NOT_FOUND);
    if (!GRANTABLE[actor.role].includes(found.role)) {
      throw new InvitationException(InvitationErrorCode.INVITATION_ROLE_NOT_ALLOWED);
    }
    if (found.acceptedAt || found.revokedAt) throw new InvitationException(InvitationErrorCode.INVITATION_NOT_PENDING);
    return found;
  }

  private newExpiry(): Date {
    return new Date(Date.now() + this.config.get('INVITATION_TTL_SECONDS', { infer: true }) * 1000);
  }

  private url(token: string): string {
    return `${publicUrl(this.config)}/register?invitation=${token}`;
  }

  private async queueMail(manager: EntityManager, actor: Actor, invitation: Invitation, token: string): Promise<void> {
    await this.mail.enqueue(manager, {
      kind: 'invitation',
      to: { address: invitation.email },
      language: invitation.language,
      content: invitationMail({
        language: invitation.language,
        inviter: actor.displayName,
        email: invitation.email,
        role: invitation.role,
        url: this.url(token),
        expiresAt: invitation.expiresAt,
      }),
    });
  }

  private toCreated(invitation: Invitation, token: string): InvitationResponse {
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      workingGroupId: invitation.workingGroupId,
      language: invitation.language,
      expiresAt: invitation.expiresAt.toISOString(),
      token,
      url: this.url(token),
    };
  }
}

function toListItem(invitation: Invitation): InvitationListItem {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    workingGroupId: invitation.workingGroupId,
    language: invitation.language,
    state: stateOf(invitation),
    invitedBy: invitation.invitedBy
      ? { id: invitation.invitedBy.id, displayName: invitation.invitedBy.displayName }
      : null,
    acceptedMemberId: invitation.acceptedMemberId,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}

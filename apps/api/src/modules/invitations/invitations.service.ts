import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, type InvitationResponse, NetworkRole } from '@lcc/contracts';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import type { Actor } from '../../common/http/actor.js';
import { newSecret, sha256 } from '../../common/http/secrets.js';
import { AuditService } from '../audit/audit.service.js';
import { MembersService } from '../members/members.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { CreateInvitationDto } from './dto/create-invitation.dto.js';
import { Invitation } from './entities/invitation.entity.js';
import { InvitationErrorCode, InvitationException } from './invitations.exception.js';

/** Roles each inviter may hand out: coordinators invite members and observers; admins anyone. */
const GRANTABLE: Record<NetworkRole, NetworkRole[]> = {
  [NetworkRole.Admin]: [NetworkRole.Admin, NetworkRole.Coordinator, NetworkRole.Member, NetworkRole.Observer],
  [NetworkRole.Coordinator]: [NetworkRole.Member, NetworkRole.Observer],
  [NetworkRole.Member]: [],
  [NetworkRole.Observer]: [],
};

/** Invitations: created by coordinators and admins, consumed once by a registration. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<Env, true>,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly workingGroups: WorkingGroupsService,
  ) {}

  async create(actor: Actor, dto: CreateInvitationDto): Promise<InvitationResponse> {
    const role = dto.role ?? NetworkRole.Member;
    if (!GRANTABLE[actor.role].includes(role)) {
      throw new InvitationException(InvitationErrorCode.INVITATION_ROLE_NOT_ALLOWED);
    }
    // A group that does not exist is 404 WORKING_GROUP_NOT_FOUND, as on every other route naming a group (the
    // inviters, coordinators and admins, see every group); otherwise the registration would join nothing.
    if (dto.workingGroupId) await this.workingGroups.requireListed(dto.workingGroupId);
    if (await this.members.emailExists(dto.email)) {
      throw new InvitationException(InvitationErrorCode.INVITEE_ALREADY_MEMBER);
    }
    const { token, hash } = newSecret();
    const expiresAt = new Date(Date.now() + this.config.get('INVITATION_TTL_SECONDS', { infer: true }) * 1000);
    const invitation = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Invitation).save({
        email: dto.email,
        role,
        workingGroupId: dto.workingGroupId ?? null,
        tokenHash: hash,
        invitedById: actor.id,
        expiresAt,
      });
      await this.audit.record(
        {
          action: AuditAction.InvitationCreated,
          actorId: actor.id,
          targetType: 'invitation',
          targetId: saved.id,
          details: { email: dto.email, role, workingGroupId: saved.workingGroupId },
        },
        manager,
      );
      return saved;
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      workingGroupId: invitation.workingGroupId,
      expiresAt: invitation.expiresAt.toISOString(),
      token,
      url: `${publicUrl(this.config)}/register?invitation=${token}`,
    };
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
    if (!invitation) throw new InvitationException(InvitationErrorCode.INVITATION_INVALID);
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
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import QRCode from 'qrcode';
import {
  AuditAction,
  MemberErrorCode,
  type RecoveryCodesResponse,
  type TwoFactorEnrolmentResponse,
  type TwoFactorPolicyResponse,
  type TwoFactorStatusResponse,
} from '@lcc/contracts';
import type { Actor } from '../../../common/http/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { MembersService } from '../../members/members.service.js';
import { AuthErrorCode, AuthException } from '../auth.exception.js';
import type { ConfirmIdentityDto } from './dto/two-factor.dto.js';
import { MemberSecondFactor } from './entities/member-second-factor.entity.js';
import { type CodeCheck, SecondFactorsService } from './second-factors.service.js';
import { TwoFactorErrorCode, TwoFactorException } from './two-factor.exception.js';
import { newTotpSecret, otpauthUri } from './totp.js';

/** A member's own second factor (enrol, confirm, new recovery codes, remove) and the admins' reset and setting. */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly factors: SecondFactorsService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async status(actor: Actor): Promise<TwoFactorStatusResponse> {
    const factor = await this.factors.find(actor.id);
    const enabled = Boolean(factor?.confirmedAt);
    return {
      enabled,
      enabledAt: factor?.confirmedAt?.toISOString() ?? null,
      recoveryCodesLeft: enabled ? await this.factors.recoveryCodesLeft(actor.id) : 0,
      required: await this.factors.requiredFor(actor.role),
    };
  }

  /** A new secret to scan; it replaces an unconfirmed one, never a confirmed one (remove that first). */
  async startEnrolment(memberId: string): Promise<TwoFactorEnrolmentResponse> {
    const member = await this.members.findById(memberId);
    if (!member) throw new TwoFactorException(MemberErrorCode.MEMBER_NOT_FOUND);
    if (await this.factors.isEnabled(memberId)) {
      throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_ALREADY_ENABLED);
    }
    const secret = newTotpSecret();
    await this.factors.storePending(memberId, secret);
    const uri = otpauthUri(secret, member.email);
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secret,
      otpauthUri: uri,
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  /**
   * The first code turns the pending authenticator on and brings ten recovery codes, in one transaction. `wrong` is
   * the error for a code that does not match: 403 on the account's routes, 401 during sign-in.
   */
  async confirmEnrolment(
    memberId: string,
    code: string,
    wrong: TwoFactorErrorCode = TwoFactorErrorCode.TWO_FACTOR_CODE_WRONG,
  ): Promise<RecoveryCodesResponse> {
    const factor = await this.factors.find(memberId);
    if (factor?.confirmedAt) throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_ALREADY_ENABLED);
    if (!factor) throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_ENROLMENT_NOT_STARTED);
    return this.dataSource.transaction(async (manager) => {
      const check = await this.factors.checkCode(memberId, code, true, manager);
      if (check !== 'accepted') throw new TwoFactorException(wrong);
      await manager
        .createQueryBuilder()
        .update(MemberSecondFactor)
        .set({ confirmedAt: () => 'now()' })
        .where('id = :id', { id: factor.id })
        .execute();
      const recoveryCodes = await this.factors.replaceRecoveryCodes(manager, memberId);
      await this.audit.record(
        { action: AuditAction.TwoFactorEnabled, actorId: memberId, targetType: 'member', targetId: memberId },
        manager,
      );
      return { recoveryCodes };
    });
  }

  async regenerateRecoveryCodes(actor: Actor, dto: ConfirmIdentityDto): Promise<RecoveryCodesResponse> {
    await this.requireEnabled(actor.id);
    await this.confirmIdentity(actor, dto);
    return this.dataSource.transaction(async (manager) => {
      const recoveryCodes = await this.factors.replaceRecoveryCodes(manager, actor.id);
      await this.audit.record(
        { action: AuditAction.RecoveryCodesRegenerated, actorId: actor.id, targetType: 'member', targetId: actor.id },
        manager,
      );
      return { recoveryCodes };
    });
  }

  async remove(actor: Actor, dto: ConfirmIdentityDto): Promise<void> {
    await this.requireEnabled(actor.id);
    await this.confirmIdentity(actor, dto);
    await this.dataSource.transaction(async (manager) => {
      await this.factors.remove(manager, actor.id);
      await this.audit.record(
        { action: AuditAction.TwoFactorDisabled, actorId: actor.id, targetType: 'member', targetId: actor.id },
        manager,
      );
    });
  }

  /** An admin removes a member's authenticator and recovery codes (a lost phone); audited. */
  async reset(actor: Actor, memberId: string): Promise<void> {
    if (actor.id === memberId) throw new TwoFactorException(MemberErrorCode.CANNOT_ACT_ON_SELF);
    if (!(await this.members.findById(memberId))) throw new TwoFactorException(MemberErrorCode.MEMBER_NOT_FOUND);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.factors.remove(manager, memberId))) {
        throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_NOT_ENABLED);
      }
      await this.audit.record(
        { action: AuditAction.TwoFactorReset, actorId: actor.id, targetType: 'member', targetId: memberId },
        manager,
      );
    });
  }

  async policy(): Promise<TwoFactorPolicyResponse> {
    return { requiredForStaff: await this.factors.requiredForStaff() };
  }

  async setPolicy(actor: Actor, requiredForStaff: boolean): Promise<TwoFactorPolicyResponse> {
    await this.dataSource.transaction(async (manager) => {
      const settingId = await this.factors.setRequiredForStaff(requiredForStaff, manager);
      await this.audit.record(
        {
          action: AuditAction.TwoFactorPolicyChanged,
          actorId: actor.id,
          targetType: 'setting',
          targetId: settingId,
          details: { requiredForStaff },
        },
        manager,
      );
    });
    return { requiredForStaff };
  }

  private async requireEnabled(memberId: string): Promise<void> {
    if (!(await this.factors.isEnabled(memberId))) {
      throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_NOT_ENABLED);
    }
  }

  /** The current password or a current code, so a session left open is not enough to weaken the account. */
  private async confirmIdentity(actor: Actor, dto: ConfirmIdentityDto): Promise<void> {
    if (dto.password !== undefined) {
      if (!(await this.members.verifyPassword(actor.id, dto.password))) {
        throw new AuthException(AuthErrorCode.WRONG_PASSWORD);
      }
      return;
    }
    const check: CodeCheck = await this.factors.checkCode(actor.id, dto.code ?? '');
    if (check !== 'accepted') throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_CODE_WRONG);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { NetworkRole } from '@lcc/contracts';
import { SettingsService } from '../../settings/settings.service.js';
import { JWT_SECRET } from '../jwt-secret.provider.js';
import { MemberRecoveryCode } from './entities/member-recovery-code.entity.js';
import { MemberSecondFactor } from './entities/member-second-factor.entity.js';
import { deriveKey, matchTotp, newRecoveryCodes, open, recoveryCodeHash, seal } from './totp.js';

export const POLICY_KEY = 'two_factor_required_for_staff';

/** The outcome of a TOTP code against a member's confirmed authenticator. */
export type CodeCheck = 'accepted' | 'wrong' | 'reused';

/**
 * The stored second factors: secrets sealed with a key derived from the JWT secret, the replay guard (the last
 * accepted time step), single-use recovery codes, and the admins' "required for staff" setting.
 */
@Injectable()
export class SecondFactorsService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JWT_SECRET) jwtSecret: string,
    private readonly settings: SettingsService,
  ) {
    this.key = deriveKey(jwtSecret, 'two-factor-secrets');
  }

  find(memberId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberSecondFactor | null> {
    return manager.getRepository(MemberSecondFactor).findOneBy({ memberId });
  }

  async isEnabled(memberId: string): Promise<boolean> {
    return Boolean((await this.find(memberId))?.confirmedAt);
  }

  /** Stores a new, unconfirmed secret in place of any earlier unconfirmed one. */
  async storePending(memberId: string, secretBase32: string): Promise<void> {
    await this.dataSource
      .getRepository(MemberSecondFactor)
      .upsert(
        { memberId, secretCiphertext: seal(this.key, secretBase32), confirmedAt: null, lastUsedStep: null },
        { conflictPaths: ['memberId'] },
      );
  }

  /**
   * Checks a code against the member's authenticator (confirmed, or pending when `pending`) and, when it matches,
   * records its time step in the same statement that checks it is newer than the last one: a code is accepted once,
   * even by two requests at the same instant.
   */
  async checkCode(memberId: string, code: string, pending = false, manager?: EntityManager): Promise<CodeCheck> {
    const factor = await this.find(memberId, manager);
    if (!factor || Boolean(factor.confirmedAt) === pending) return 'wrong';
    const secret = open(this.key, factor.secretCiphertext);
    const step = secret === null ? null : matchTotp(secret, code);
    if (step === null) return 'wrong';
    const result = await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .update(MemberSecondFactor)
      .set({ lastUsedStep: step })
      .where('id = :id AND (last_used_step IS NULL OR last_used_step < :step)', { id: factor.id, step })
      .execute();
    return result.affected ? 'accepted' : 'reused';
  }

  /** Spends one unused recovery code; false when it is unknown or was used. */
  async spendRecoveryCode(memberId: string, code: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(MemberRecoveryCode)
      .update({ memberId, codeHash: recoveryCodeHash(code), usedAt: IsNull() }, { usedAt: new Date() });
    return Boolean(result.affected);
  }

  /** Replaces every recovery code of the member with ten new ones, returned this once. */
  async replaceRecoveryCodes(manager: EntityManager, memberId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    const repository = manager.getRepository(MemberRecoveryCode);
    await repository.delete({ memberId });
    await repository.insert(codes.map((code) => ({ memberId, codeHash: recoveryCodeHash(code) })));
    return codes;
  }

  recoveryCodesLeft(memberId: string): Promise<number> {
    return this.dataSource.getRepository(MemberRecoveryCode).countBy({ memberId, usedAt: IsNull() });
  }

  /** Removes the authenticator and the recovery codes; false when there was nothing to remove. */
  async remove(manager: EntityManager, memberId: string): Promise<boolean> {
    await manager.getRepository(MemberRecoveryCode).delete({ memberId });
    const result = await manager.getRepository(MemberSecondFactor).delete({ memberId });
    return Boolean(result.affected);
  }

  async requiredForStaff(): Promise<boolean> {
    return (await this.settings.get(POLICY_KEY)) === 'true';
  }

  async setRequiredForStaff(required: boolean, manager: EntityManager): Promise<string> {
    return this.settings.set(POLICY_KEY, String(required), manager);
  }

  /** Whether the member's role must sign in with two factors. */
  async requiredFor(role: NetworkRole): Promise<boolean> {
    return (role === NetworkRole.Admin || role === NetworkRole.Coordinator) && (await this.requiredForStaff());
  }
}

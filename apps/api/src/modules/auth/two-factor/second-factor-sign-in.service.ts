import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import {
  CommonErrorCode,
  MemberStatus,
  type EnrolledTokenPairResponse,
  type SecondFactorChallengeResponse,
  type TokenPairResponse,
  type TwoFactorEnrolmentResponse,
} from '@lcc/contracts';
import { CommonException } from '../../../common/errors/common.exception.js';
import type { ClientInfo } from '../../../common/http/actor.js';
import type { Env } from '../../../config/env.validation.js';
import type { Member } from '../../members/members.service.js';
import { MembersService } from '../../members/members.service.js';
import { RateLimitsService, type SharedHit } from '../../rate-limits/rate-limits.service.js';
import { AuthService } from '../auth.service.js';
import { JWT_SECRET } from '../jwt-secret.provider.js';
import type { SecondFactorDto } from './dto/two-factor.dto.js';
import { SecondFactorsService } from './second-factors.service.js';
import { TwoFactorErrorCode, TwoFactorException } from './two-factor.exception.js';
import { TwoFactorService } from './two-factor.service.js';
import { deriveKey } from './totp.js';

type ChallengeKind = SecondFactorChallengeResponse['secondFactor'];

interface ChallengeClaims {
  sub: string;
  purpose: ChallengeKind;
}

/** A code challenge lasts five minutes; enrolling (installing an app, scanning) may take longer. */
const CHALLENGE_TTL_SECONDS: Record<ChallengeKind, number> = { code: 300, enrolment: 900 };
const AUDIENCE = 'lcc:second-factor';

/** Called with the seconds to wait when an attempt is refused by a limit (for `Retry-After`). */
export type OnLimited = (retryAfter: number) => void;

/**
 * The second step of signing in. The password step gets a challenge instead of tokens when the member has an
 * authenticator (or must enrol one first); the challenge is a JWT signed with a key of its own (derived from the JWT
 * secret), so it can never pass as an access token. Wrong codes are limited per member like wrong passwords per
 * account: per member and client IP, and per member from all clients; a right code gives its hits back.
 */
@Injectable()
export class SecondFactorSignInService {
  private readonly key: Buffer;

  constructor(
    @Inject(JWT_SECRET) jwtSecret: string,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Env, true>,
    private readonly factors: SecondFactorsService,
    private readonly twoFactor: TwoFactorService,
    private readonly members: MembersService,
    private readonly limits: RateLimitsService,
    private readonly auth: AuthService,
  ) {
    this.key = deriveKey(jwtSecret, 'two-factor-challenge');
  }

  /** What the password step answers instead of tokens, or null when the password is enough. */
  async challengeFor(member: Member): Promise<SecondFactorChallengeResponse | null> {
    let kind: ChallengeKind | null = null;
    if (await this.factors.isEnabled(member.id)) kind = 'code';
    else if (await this.factors.requiredFor(member.role)) kind = 'enrolment';
    if (!kind) return null;
    const expiresIn = CHALLENGE_TTL_SECONDS[kind];
    const claims: ChallengeClaims = { sub: member.id, purpose: kind };
    const challengeToken = await this.jwt.signAsync(claims, {
      secret: this.key,
      expiresIn,
      audience: AUDIENCE,
      algorithm: 'HS256',
    });
    return { secondFactor: kind, challengeToken, expiresIn };
  }

  /** A TOTP code or a recovery code for a `code` challenge → the normal token pair. */
  async complete(dto: SecondFactorDto, client: ClientInfo, onLimited: OnLimited): Promise<TokenPairResponse> {
    const member = await this.open(dto.challengeToken, 'code');
    const hits = await this.takeAttempt(member.id, client, onLimited);
    if (dto.recoveryCode !== undefined) {
      if (!(await this.factors.spendRecoveryCode(member.id, dto.recoveryCode))) {
        throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_CODE_INVALID);
      }
    } else {
      const check = await this.factors.checkCode(member.id, dto.code ?? '');
      if (check === 'reused') throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_CODE_REUSED);
      if (check === 'wrong') throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_CODE_INVALID);
    }
    await this.limits.refundShared(hits);
    return this.auth.login(member, client);
  }

  /** The new authenticator of a member who must enrol before signing in. */
  async startEnrolment(challengeToken: string): Promise<TwoFactorEnrolmentResponse> {
    const member = await this.open(challengeToken, 'enrolment');
    return this.twoFactor.startEnrolment(member.id);
  }

  /** The first code of that authenticator → the token pair and the recovery codes. */
  async confirmEnrolment(
    challengeToken: string,
    code: string,
    client: ClientInfo,
    onLimited: OnLimited,
  ): Promise<EnrolledTokenPairResponse> {
    const member = await this.open(challengeToken, 'enrolment');
    const hits = await this.takeAttempt(member.id, client, onLimited);
    const { recoveryCodes } = await this.twoFactor.confirmEnrolment(
      member.id,
      code,
      TwoFactorErrorCode.TWO_FACTOR_CODE_INVALID,
    );
    await this.limits.refundShared(hits);
    return { ...(await this.auth.login(member, client)), recoveryCodes };
  }

  /** The member a challenge of this kind names, still active; anything else is one 401. */
  private async open(token: string, purpose: ChallengeKind): Promise<Member> {
    const claims = await this.jwt
      .verifyAsync<ChallengeClaims>(token, { secret: this.key, audience: AUDIENCE, algorithms: ['HS256'] })
      .catch(() => null);
    const member = claims?.purpose === purpose ? await this.members.findById(claims.sub) : null;
    if (!member || member.status !== MemberStatus.Active) {
      throw new TwoFactorException(TwoFactorErrorCode.TWO_FACTOR_CHALLENGE_INVALID);
    }
    return member;
  }

  private async takeAttempt(memberId: string, client: ClientInfo, onLimited: OnLimited): Promise<SharedHit[]> {
    const ttl = this.config.get('RATE_LIMIT_TTL_MS', { infer: true });
    const hits: SharedHit[] = [];
    const limits = [
      [
        `second-factor-account-client:${memberId}|${client.ip ?? 'unknown'}`,
        this.config.get('RATE_LIMIT_AUTH_ACCOUNT_CLIENT', { infer: true }),
        ttl,
      ],
      [
        `second-factor-account:${memberId}`,
        this.config.get('RATE_LIMIT_AUTH_ACCOUNT', { infer: true }),
        this.config.get('RATE_LIMIT_AUTH_ACCOUNT_TTL_MS', { infer: true }),
      ],
    ] as const;
    for (const [key, limit, windowMs] of limits) {
      const hit = await this.limits.hitShared(key, limit, windowMs);
      hits.push(hit);
      if (!hit.allowed) {
        onLimited(hit.retryAfter);
        throw new CommonException(CommonErrorCode.RATE_LIMITED);
      }
    }
    return hits;
  }
}

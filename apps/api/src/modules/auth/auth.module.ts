import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { MailModule } from '../mail/mail.module.js';
import { MembersModule } from '../members/members.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AccountToken } from './entities/account-token.entity.js';
import { AuthSession } from './entities/auth-session.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { MemberIdentity } from './oidc/entities/member-identity.entity.js';
import { OidcAccountsService } from './oidc/oidc-accounts.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcService } from './oidc/oidc.service.js';
import { JwtSecretModule } from './jwt-secret.module.js';
import { JWT_SECRET } from './jwt-secret.provider.js';
import { SessionsService } from './sessions.service.js';
import { JwtStrategy } from './strategies/jwt.strategy.js';
import { LocalStrategy } from './strategies/local.strategy.js';
import { MemberRecoveryCode } from './two-factor/entities/member-recovery-code.entity.js';
import { MemberSecondFactor } from './two-factor/entities/member-second-factor.entity.js';
import { SecondFactorSignInController } from './two-factor/second-factor-sign-in.controller.js';
import { SecondFactorSignInService } from './two-factor/second-factor-sign-in.service.js';
import { SecondFactorsService } from './two-factor/second-factors.service.js';
import { TwoFactorController } from './two-factor/two-factor.controller.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AuthSession,
      RefreshToken,
      AccountToken,
      MemberSecondFactor,
      MemberRecoveryCode,
      MemberIdentity,
    ]),
    PassportModule,
    JwtSecretModule,
    JwtModule.registerAsync({
      imports: [JwtSecretModule],
      inject: [JWT_SECRET],
      // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a public
      // key on every verification, which cost more than the HMAC itself.
      useFactory: (secret: string) => ({
        secret: createSecretKey(Buffer.from(secret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    MembersModule,
    InvitationsModule,
    MailModule,
    AuditModule,
    RateLimitsModule,
    SettingsModule,
  ],
  controllers: [AuthController, SecondFactorSignInController, TwoFactorController, OidcController],
  providers: [
    AuthService,
    SessionsService,
    AccountLinksService,
    LocalStrategy,
    JwtStrategy,
    // Two-factor sign-in (two-factor/): TOTP authenticators, recovery codes, the sign-in challenge.
    SecondFactorsService,
    TwoFactorService,
    SecondFactorSignInService,
    // Single sign-on (oidc/): OpenID Connect code flow and linking identities to members.
    OidcService,
    OidcAccountsService,
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { MailModule } from '../mail/mail.module.js';
import { MembersModule } from '../members/members.module.js';
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

@Module({
  imports: [
    TypeOrmModule.forFeature([AuthSession, RefreshToken, AccountToken, MemberIdentity]),
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
  ],
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    SessionsService,
    AccountLinksService,
    LocalStrategy,
    JwtStrategy,
    OidcService,
    OidcAccountsService,
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}

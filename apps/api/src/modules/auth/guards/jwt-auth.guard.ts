import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CommonErrorCode } from '@lcc/contracts';
import { ALLOW_PASSWORD_CHANGE_PENDING } from '../../../common/decorators/allow-password-change-pending.decorator.js';
import { IS_PUBLIC } from '../../../common/decorators/public.decorator.js';
import { AppException } from '../../../common/errors/app.exception.js';
import { CommonException } from '../../../common/errors/common.exception.js';
import type { Actor } from '../../../common/http/actor.js';
import { AuthErrorCode, AuthException } from '../auth.exception.js';

/**
 * The global guard: every route needs a valid access token unless marked `@Public()`. Public routes still get
 * `request.user` when a valid token is sent. A member with a generated password may only change it.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets authenticate once, at the handshake (DiscussionsGateway).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
      if (!request.headers.authorization) return true;
      try {
        return (await super.canActivate(context)) as boolean;
      } catch {
        return true;
      }
    }
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (actor.mustChangePassword && !this.reflector.get<boolean>(ALLOW_PASSWORD_CHANGE_PENDING, context.getHandler())) {
      throw new AuthException(AuthErrorCode.PASSWORD_CHANGE_REQUIRED);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof AppException) throw error;
    if (error || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new CommonException(expired ? CommonErrorCode.TOKEN_EXPIRED : CommonErrorCode.UNAUTHORIZED);
    }
    return user;
  }
}

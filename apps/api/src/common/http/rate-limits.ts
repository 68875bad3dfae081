import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Env } from '../../config/env.validation.js';
import { AUTH_RATE_LIMIT, type AuthRateLimitKind } from '../decorators/auth-rate-limited.decorator.js';

function authKind(context: ExecutionContext): AuthRateLimitKind | undefined {
  return Reflect.getMetadata(AUTH_RATE_LIMIT, context.getHandler()) as AuthRateLimitKind | undefined;
}

/**
 * Three limits, all from config: every request per IP; sign-in and registration per IP; sign-in per account
 * (the e-mail tried), so spreading guesses over many addresses does not help either.
 */
export function rateLimits(env: Env): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests; try again later',
    throttlers: [
      { name: 'default', ttl: env.RATE_LIMIT_TTL_MS, limit: env.RATE_LIMIT_DEFAULT },
      {
        name: 'auth-ip',
        ttl: env.RATE_LIMIT_TTL_MS,
        limit: env.RATE_LIMIT_AUTH_IP,
        skipIf: (context) => authKind(context) === undefined,
      },
      {
        name: 'login-account',
        ttl: env.RATE_LIMIT_TTL_MS,
        limit: env.RATE_LIMIT_LOGIN_ACCOUNT,
        skipIf: (context) => authKind(context) !== 'login',
        getTracker: (request: Record<string, unknown>) => {
          const body = request.body as { email?: unknown } | undefined;
          const user = request.user as { id?: string } | undefined;
          if (user?.id) return `member:${user.id}`;
          return typeof body?.email === 'string' ? `email:${body.email.trim().toLowerCase()}` : `ip:${String(request.ip)}`;
        },
      },
    ],
  };
}

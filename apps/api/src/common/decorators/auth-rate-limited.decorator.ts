import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMIT = 'lcc:auth-rate-limit';
export type AuthRateLimitKind = 'login' | 'register';
/** Puts a route under the per-IP (and, for login, per-account) brute-force limits. */
export const AuthRateLimited = (kind: AuthRateLimitKind): MethodDecorator => SetMetadata(AUTH_RATE_LIMIT, kind);

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CommonErrorCode } from '@lcc/contracts';
import { AUTH_RATE_LIMIT, type AuthRateLimitKind } from '../../common/decorators/auth-rate-limited.decorator.js';
import { SKIP_RATE_LIMIT } from '../../common/decorators/skip-rate-limit.decorator.js';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Env } from '../../config/env.validation.js';
import { type LimitResult, RateLimitsService } from './rate-limits.service.js';

/**
 * The global rate limits, every one from config (`RATE_LIMIT_*`): all requests per IP; sign-in and registration
 * per IP; sign-in per account (the e-mail tried), so spreading guesses over many addresses does not help.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const ttl = this.config.get('RATE_LIMIT_TTL_MS', { infer: true });
    const ip = request.ip ?? 'unknown';

    this.enforce(
      response,
      this.limits.hitInMemory(`ip:${ip}`, this.config.get('RATE_LIMIT_DEFAULT', { infer: true }), ttl),
    );
    const kind = this.reflector.get<AuthRateLimitKind | undefined>(AUTH_RATE_LIMIT, context.getHandler());
    if (!kind) return true;
    this.enforce(
      response,
      await this.limits.hitShared(`auth-ip:${ip}`, this.config.get('RATE_LIMIT_AUTH_IP', { infer: true }), ttl),
    );
    // Per account too (the e-mail tried), so spreading attempts over many addresses does not help.
    const body = request.body as { email?: unknown } | undefined;
    if (typeof body?.email === 'string') {
      const limit = this.config.get('RATE_LIMIT_AUTH_ACCOUNT', { infer: true });
      this.enforce(
        response,
        await this.limits.hitShared(`${kind}-account:${body.email.trim().toLowerCase()}`, limit, ttl),
      );
    }
    return true;
  }

  private enforce(response: Response, result: LimitResult): void {
    if (result.allowed) return;
    response.setHeader('Retry-After', String(result.retryAfter));
    throw new CommonException(CommonErrorCode.RATE_LIMITED);
  }
}

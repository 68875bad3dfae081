import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrorCode } from '@lcc/contracts';
import { AUTH_RATE_LIMIT, type AuthRateLimitKind } from '../../common/decorators/auth-rate-limited.decorator.js';
import { SKIP_RATE_LIMIT } from '../../common/decorators/skip-rate-limit.decorator.js';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Env } from '../../config/env.validation.js';
import { type LimitResult, RateLimitsService, type SharedHit } from './rate-limits.service.js';

/**
 * The global rate limits, every one from config (`RATE_LIMIT_*`): all requests per IP; sign-in and registration
 * per IP; and per account (the e-mail tried), twice: a tight limit per account and client IP, and a much higher
 * ceiling per account across all clients, so guesses spread over many addresses still meet a limit while a
 * stranger guessing from one address cannot lock the member out of signing in from theirs. Sign-ins count only
 * when they fail (401): each attempt takes its hit first (so a burst in parallel cannot slip past) and gives it
 * back when the answer is anything else.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const ttl = this.config.get('RATE_LIMIT_TTL_MS', { infer: true });
    const ip = request.ip || 'unknown';

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
    const body = request.body as { email?: unknown } | undefined;
    if (typeof body?.email === 'string') await this.limitAccount(kind, body.email.trim().toLowerCase(), ip, response);
    return true;
  }

  private async limitAccount(kind: AuthRateLimitKind, account: string, ip: string, response: FastifyReply) {
    const taken: SharedHit[] = [];
    if (kind === 'login') {
      // Whatever the outcome, an answer other than 401 (signed in, pending, suspended, refused by a limit,
      // malformed) is not a failed guess: its hits are given back once it has been sent.
      response.raw.once('finish', () => {
        if (response.raw.statusCode === HttpStatus.UNAUTHORIZED) return;
        this.limits.refundShared(taken).catch((error: unknown) => {
          this.logger.warn({ err: { message: String(error) } }, 'rate limit refund failed');
        });
      });
    }
    const perClient = await this.limits.hitShared(
      `${kind}-account-client:${account}|${ip}`,
      this.config.get('RATE_LIMIT_AUTH_ACCOUNT_CLIENT', { infer: true }),
      this.config.get('RATE_LIMIT_TTL_MS', { infer: true }),
    );
    taken.push(perClient);
    this.enforce(response, perClient);
    const perAccount = await this.limits.hitShared(
      `${kind}-account:${account}`,
      this.config.get('RATE_LIMIT_AUTH_ACCOUNT', { infer: true }),
      this.config.get('RATE_LIMIT_AUTH_ACCOUNT_TTL_MS', { infer: true }),
    );
    taken.push(perAccount);
    this.enforce(response, perAccount);
  }

  private enforce(response: FastifyReply, result: LimitResult): void {
    if (result.allowed) return;
    response.header('Retry-After', String(result.retryAfter));
    throw new CommonException(CommonErrorCode.RATE_LIMITED);
  }
}

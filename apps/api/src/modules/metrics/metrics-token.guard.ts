import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyRequest } from 'fastify';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Env } from '../../config/env.validation.js';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`. Without a configured token the route does not exist
 * (404), so a deployment that forgot the token publishes nothing rather than everything.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(config: ConfigService<Env, true>) {
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.expected = token ? digest(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new CommonException(CommonErrorCode.NOT_FOUND);
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compare digests: equal lengths, and the time taken says nothing about the token.
    if (!match || !timingSafeEqual(digest(match[1]!), this.expected)) {
      throw new CommonException(CommonErrorCode.UNAUTHORIZED);
    }
    return true;
  }
}

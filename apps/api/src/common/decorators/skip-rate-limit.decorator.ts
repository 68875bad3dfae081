import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const SKIP_RATE_LIMIT = 'lcc:skip-rate-limit';
export const SKIP_RATE_LIMIT_EXTENSION = 'x-lcc-skip-rate-limit';
/** Exempts probes (health, metrics) from the per-IP request limit; OpenAPI then shows no 429 for them. */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(SKIP_RATE_LIMIT, true), ApiExtension(SKIP_RATE_LIMIT_EXTENSION, true));

import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'lcc:skip-rate-limit';
/** Exempts probes (health, metrics) from the per-IP request limit. */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);

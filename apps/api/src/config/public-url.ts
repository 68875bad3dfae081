import type { ConfigService } from '@nestjs/config';
import type { Env } from './env.validation.js';

/** The portal's absolute base URL for links (invitations, calendar feeds): `PUBLIC_URL`, else localhost. */
export function publicUrl(config: ConfigService<Env, true>): string {
  const configured = config.get('PUBLIC_URL', { infer: true });
  return (configured ?? `http://localhost:${config.get('PORT', { infer: true })}`).replace(/\/+$/, '');
}

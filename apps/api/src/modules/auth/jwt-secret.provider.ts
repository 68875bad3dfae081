import { randomBytes } from 'node:crypto';
import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { SettingsService } from '../settings/settings.service.js';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** `JWT_SECRET`, or one generated once and kept in the database so every instance signs alike. */
export const jwtSecretProvider: Provider = {
  provide: JWT_SECRET,
  inject: [ConfigService, SettingsService],
  useFactory: async (config: ConfigService<Env, true>, settings: SettingsService): Promise<string> => {
    const configured = config.get('JWT_SECRET', { infer: true });
    if (configured) return configured;
    if (config.get('NODE_ENV', { infer: true }) === 'production') {
      new Logger('Auth').warn(
        'JWT_SECRET is not set: using a generated secret stored in the database; set it in production',
      );
    }
    return settings.getOrCreate('jwt_secret', () => randomBytes(48).toString('base64url'));
  },
};

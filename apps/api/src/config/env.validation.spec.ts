import { describe, expect, it } from '@jest/globals';
import { validateEnv } from './env.validation.js';

describe('validateEnv', () => {
  it('applies defaults to an empty environment', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      EMBEDDED_PG_PORT: 54329,
      DATA_DIR: './data',
      DB_MIGRATIONS_RUN: true,
      UPLOAD_MAX_BYTES: 104_857_600,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', DB_MIGRATIONS_RUN: 'false', RATE_LIMIT_AUTH_IP: '3' });
    expect(env).toMatchObject({ PORT: 8080, DB_MIGRATIONS_RUN: false, RATE_LIMIT_AUTH_IP: 3 });
  });

  it('names every offending variable in one error', () => {
    const attempt = () =>
      validateEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        DB_MIGRATIONS_RUN: 'perhaps',
        JWT_SECRET: 'short',
        LOG_LEVEL: 'chatty',
        ADMIN_EMAIL: 'not-an-email',
      });
    expect(attempt).toThrow(/Invalid configuration/);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PORT', 'DATABASE_URL', 'DB_MIGRATIONS_RUN', 'JWT_SECRET', 'LOG_LEVEL', 'ADMIN_EMAIL']) {
      expect(message).toContain(`  ${name}:`);
    }
  });

  it('treats empty values as unset', () => {
    expect(validateEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });
});

import { describe, expect, it } from '@jest/globals';
import { validateEnv } from '../../../config/env.validation.js';
import { parseLocale } from './oidc-accounts.service.js';

describe('single sign-on configuration', () => {
  const complete = {
    OIDC_ISSUER: 'https://id.example.org/realms/lcc',
    OIDC_CLIENT_ID: 'lcc-portal',
    OIDC_CLIENT_SECRET: 'secret',
    OIDC_DEFAULT_COUNTRY: 'MN',
  };

  it('is off without an issuer, and takes its defaults', () => {
    const env = validateEnv({});
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env).toMatchObject({
      OIDC_OTHER_DOMAINS: 'pending',
      OIDC_NAME_CLAIM: 'name',
      OIDC_LANGUAGE_CLAIM: 'locale',
    });
  });

  it('needs the client id, secret and default country with an issuer, naming each', () => {
    expect(() => validateEnv({ OIDC_ISSUER: complete.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET[\s\S]*OIDC_DEFAULT_COUNTRY/,
    );
    expect(validateEnv(complete).OIDC_ISSUER).toBe(complete.OIDC_ISSUER);
  });

  it('refuses a plain-http issuer elsewhere than on this machine, and malformed domains, scopes and countries', () => {
    expect(() => validateEnv({ ...complete, OIDC_ISSUER: 'http://id.example.org' })).toThrow(/OIDC_ISSUER/);
    expect(validateEnv({ ...complete, OIDC_ISSUER: 'http://localhost:8080' }).OIDC_ISSUER).toBe(
      'http://localhost:8080',
    );
    expect(() => validateEnv({ ...complete, OIDC_ALLOWED_DOMAINS: 'example.org, @bad' })).toThrow(
      /OIDC_ALLOWED_DOMAINS/,
    );
    expect(() => validateEnv({ ...complete, OIDC_SCOPES: 'openid profile' })).toThrow(/OIDC_SCOPES/);
    expect(() => validateEnv({ ...complete, OIDC_DEFAULT_COUNTRY: 'XX' })).toThrow(/OIDC_DEFAULT_COUNTRY/);
    expect(() => validateEnv({ ...complete, OIDC_OTHER_DOMAINS: 'active' })).toThrow(/OIDC_OTHER_DOMAINS/);
  });
});

describe('parseLocale', () => {
  it.each([
    ['ja-JP', 'ja', 'JP'],
    ['zh_Hans_CN', 'zh', 'CN'],
    ['mn', 'mn', null],
    ['RU-ru', 'ru', 'RU'],
    ['fr-FR', 'en', 'FR'],
    ['ko-419', 'ko', null],
    ['', 'en', null],
  ])('%s → %s, %s', (tag, language, country) => {
    expect(parseLocale(tag)).toEqual({ language, country });
  });

  it('reads a missing claim as English with no country', () => {
    expect(parseLocale(null)).toEqual({ language: 'en', country: null });
  });
});

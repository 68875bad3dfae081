import { describe, expect, it } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import {
  deriveKey,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  open,
  otpauthUri,
  recoveryCodeHash,
  seal,
  TOTP_PERIOD_SECONDS,
} from './totp.js';

const at = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });

describe('TOTP helpers', () => {
  it('matches the RFC 6238 test vector (SHA-1, 8 digits at 59 s → 94287082; six digits → 287082)', () => {
    const secret = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;
    expect(matchTotp(secret, '287082', 59_000)).toBe(1);
  });

  it('tells the step of a code within one step either side, and nothing beyond', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
    expect(matchTotp(secret, at(secret, now), now)).toBe(step);
    expect(matchTotp(secret, at(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, at(secret, now + 30_000), now)).toBe(step + 1);
    const far = at(secret, now + 90_000);
    const near = [-1, 0, 1].map((d) => at(secret, now + d * 30_000));
    if (!near.includes(far)) expect(matchTotp(secret, far, now)).toBeNull();
  });

  it('writes an otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'tuya@example.org');
    expect(uri).toBe(
      'otpauth://totp/LCC%20Partnership%20Portal:tuya%40example.org?issuer=LCC%20Partnership%20Portal&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('seals with AES-GCM: another key or a changed byte opens nothing', () => {
    const key = deriveKey('jwt-secret', 'two-factor-secrets');
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\./);
    expect(seal(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(open(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(open(deriveKey('another-secret', 'two-factor-secrets'), sealed)).toBeNull();
    expect(open(deriveKey('jwt-secret', 'two-factor-challenge'), sealed)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(open(key, flipped)).toBeNull();
    expect(open(key, 'v1.')).toBeNull();
    expect(open(key, 'plain')).toBeNull();
  });

  it('makes ten distinct recovery codes whose hash ignores case and separators', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const code = codes[0]!;
    expect(recoveryCodeHash(code.toUpperCase().replaceAll('-', ' '))).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(codes[1]!)).not.toBe(recoveryCodeHash(code));
  });
});

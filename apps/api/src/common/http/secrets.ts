import { createHash, randomBytes } from 'node:crypto';

/** A fresh URL-safe secret (256 bits) and the SHA-256 under which it is stored. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

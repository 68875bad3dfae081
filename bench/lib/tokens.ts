import { createHmac } from 'node:crypto';

/** The secret the benchmark gives the portal and the baselines, so it can mint access tokens for seeded sessions. */
export const BENCH_JWT_SECRET = 'bench-only-secret-never-used-in-production-0123456789';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** An HS256 access token with the portal's claims (`sub` member, `sid` session), valid for a day. */
export function accessToken(memberId: string, sessionId: string, secret = BENCH_JWT_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ sub: memberId, sid: sessionId, iat: now, exp: now + 86_400 }));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Verifies an HS256 token made by `accessToken` (the baselines' whole auth check); null when invalid or expired. */
export function verifyToken(token: string, secret = BENCH_JWT_SECRET): { sub: string; sid: string } | null {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  if (expected !== signature) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string; sid: string; exp: number };
  return claims.exp * 1000 > Date.now() ? claims : null;
}

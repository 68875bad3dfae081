import type { CookieOptions, Request, Response } from 'express';

export const REFRESH_COOKIE = 'lcc_refresh';

/** Browsers keep the refresh token in an httpOnly, SameSite=Strict cookie scoped to the auth routes. */
export function setRefreshCookie(response: Response, token: string, maxAgeSeconds: number, secure: boolean): void {
  response.cookie(REFRESH_COOKIE, token, { ...cookieOptions(secure), maxAge: maxAgeSeconds * 1000 });
}

export function clearRefreshCookie(response: Response, secure: boolean): void {
  response.clearCookie(REFRESH_COOKIE, cookieOptions(secure));
}

export function refreshTokenFrom(request: Request, bodyToken: string | undefined): string | undefined {
  if (bodyToken) return bodyToken;
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[REFRESH_COOKIE];
  return typeof cookie === 'string' && cookie.length > 0 ? cookie : undefined;
}

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' };
}

import type { CookieOptions, Request, Response } from 'express';

export const OIDC_STATE_COOKIE = 'lcc_oidc';
/** Long enough to sign in at the provider (and type a password), short enough that a stale one cannot linger. */
export const OIDC_STATE_TTL_SECONDS = 600;

/** What the callback must find again: the anti-forgery state, the ID token's nonce and the PKCE code verifier. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The signed flow travels in an httpOnly cookie scoped to the OIDC routes. SameSite=Lax, not Strict: the callback is
 * a top-level navigation coming from the provider's site, on which browsers withhold Strict cookies.
 */
export function setStateCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(OIDC_STATE_COOKIE, token, { ...cookieOptions(secure), maxAge: OIDC_STATE_TTL_SECONDS * 1000 });
}

export function clearStateCookie(response: Response, secure: boolean): void {
  response.clearCookie(OIDC_STATE_COOKIE, cookieOptions(secure));
}

export function stateCookieFrom(request: Request): string | undefined {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[OIDC_STATE_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/api/auth/oidc' };
}

import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, cookieFrom, setCookie } from '../refresh-cookie.js';

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
export function setStateCookie(reply: FastifyReply, token: string, secure: boolean): void {
  setCookie(reply, OIDC_STATE_COOKIE, token, cookieOptions(secure), OIDC_STATE_TTL_SECONDS);
}

export function clearStateCookie(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, OIDC_STATE_COOKIE, cookieOptions(secure));
}

export function stateCookieFrom(request: FastifyRequest): string | undefined {
  return cookieFrom(request, OIDC_STATE_COOKIE);
}

function cookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/api/auth/oidc' };
}

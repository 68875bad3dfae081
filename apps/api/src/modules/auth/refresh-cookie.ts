import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'lcc_refresh';

/** Browsers keep the refresh token in an httpOnly, SameSite=Strict cookie scoped to the auth routes. */
export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  setCookie(reply, REFRESH_COOKIE, token, cookieOptions(secure), maxAgeSeconds);
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, REFRESH_COOKIE, cookieOptions(secure));
}

export function refreshTokenFrom(request: FastifyRequest, bodyToken: string | undefined): string | undefined {
  return bodyToken || cookieFrom(request, REFRESH_COOKIE);
}

function cookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' };
}

/** Sets a cookie with both `Max-Age` and `Expires` (for clients that only know the latter). */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: CookieSerializeOptions,
  maxAgeSeconds: number,
): void {
  reply.setCookie(name, value, {
    ...options,
    maxAge: maxAgeSeconds,
    expires: new Date(Date.now() + maxAgeSeconds * 1000),
  });
}

/** Ends a cookie: an empty value that expired at the epoch, with the attributes it was set with. */
export function clearCookie(reply: FastifyReply, name: string, options: CookieSerializeOptions): void {
  reply.setCookie(name, '', { ...options, expires: new Date(1) });
}

/** A non-empty cookie of the request, parsed only by the routes that read one. */
export function cookieFrom(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const value = request.server.parseCookie(header)[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Takes a well-formed `X-Request-Id` from the caller (a proxy's) or makes one, and echoes it on the response.
 * Used as pino-http's `genReqId`, so logs and error bodies carry the same id.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The id pino-http gave this request (`req.id`). */
export function requestIdOf(request: { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : String(request.id ?? '');
}

/**
 * Gives the request its id before body parsing and the input guard, which answer errors before pino-http's
 * middleware would have assigned one; pino-http then keeps it (`req.id || genReqId(...)`).
 */
export function requestIdMiddleware(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  request.id ??= assignRequestId(request, response);
  next();
}

/** What the access log keeps of a request (pino-http's `req` serializer, given pino's standard fields). */
export function requestLogFields(request: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) {
  return { id: request.id, method: request.method, url: request.url, remoteAddress: request.remoteAddress };
}

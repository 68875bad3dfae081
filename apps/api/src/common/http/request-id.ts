import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * A well-formed `X-Request-Id` from the caller (a proxy's), or a new one. Fastify's `genReqId`, so the id exists
 * before routing and body parsing, whose errors carry it too.
 */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The first `onRequest` hook: echoes the id on the response (on the Node response, so that every answer carries
 * it, errors and 404s included) and hands it to pino-http, which keeps a `req.id` it finds.
 */
export function echoRequestId(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.raw.setHeader(REQUEST_ID_HEADER, request.id);
  (request.raw as IncomingMessage & { id?: unknown }).id = request.id;
  done();
}

/** pino-http's `genReqId`, for a request that did not pass `echoRequestId` (it always does in the app). */
export function assignRequestId(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const id = requestIdFor(request);
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The id of this request (Fastify's `request.id`, the same as pino-http's `req.id`). */
export function requestIdOf(request: { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : String(request.id ?? '');
}

/** What the access log keeps of a request (pino-http's `req` serializer, given pino's standard fields). */
export function requestLogFields(request: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) {
  return { id: request.id, method: request.method, url: request.url, remoteAddress: request.remoteAddress };
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';

/** 100 KB, the limit the API has always had: a JSON body of the contract takes a few kilobytes at most. */
export const BODY_LIMIT_BYTES = 100 * 1024;

const JSON_WHITESPACE = /^[ \t\n\r]*/;

/**
 * JSON bodies as the API has always read them: an empty body is `{}`, only an object or an array is accepted at the
 * top level, and anything unparsable is 400 MALFORMED_JSON. `__proto__` and `constructor` keys are parsed as
 * plain keys, for the input guard to refuse with the field named.
 */
export function parseJsonBody(
  _request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  if (body.length === 0) return done(null, {});
  const text = body.toString('utf8');
  const first = text[JSON_WHITESPACE.exec(text)![0].length];
  if (first !== '{' && first !== '[') return done(new CommonException(CommonErrorCode.MALFORMED_JSON));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return done(new CommonException(CommonErrorCode.MALFORMED_JSON));
  }
  done(null, value);
}

/**
 * Bodies of any other type (multipart uploads, CSV imports) stay unread: the route streams them itself from
 * `request.raw`, with its own limits. Fastify's `text/plain` parser goes too, so such a body is not a string.
 */
export function leaveOtherBodiesUnread(instance: FastifyInstance): void {
  instance.removeContentTypeParser('text/plain');
  instance.addContentTypeParser('*', (_request, _payload, done) => done(null));
}

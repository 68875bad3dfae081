import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { CommonErrorCode, type ErrorDetail } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';

/**
 * NUL and lone UTF-16 surrogates are what PostgreSQL refuses in text (no NUL in `text`, no invalid UTF-8), so a
 * string holding one would fail its query with a 500, or fail every other message batched in the same statement.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function storable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Deeper than any DTO of the contract goes; class-transformer and class-validator recurse per level. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that could reach an object's prototype once copied (`Object.assign`, spreading into entities). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a string cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  return !storable(text) ? 'must not contain NUL characters or unpaired UTF-16 surrogates' : null;
}

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks parsed input (a JSON body, a query object, a socket payload) and names the first value the database
 * could not take or the validators should not recurse into. Iterative, so hostile nesting cannot overflow the
 * stack here.
 */
export function findInputProblem(input: unknown, root = '', whole = 'body'): ErrorDetail | null {
  const stack: [value: unknown, field: string, depth: number][] = [[input, root, 0]];
  while (stack.length) {
    const [value, field, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) return { field: field || whole, message: `${field || whole} ${problem}` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return {
        field: (field || whole).slice(0, 64),
        message: `nesting deeper than ${MAX_INPUT_DEPTH} levels is not accepted`,
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(field, i), depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key) || unstorableText(key)) {
        return { field: field || whole, message: `the key "${safeForMessage(key)}" is not accepted` };
      }
      stack.push([(value as Record<string, unknown>)[key], join(field, key), depth + 1]);
    }
  }
  return null;
}

/** The key as it can be echoed back in an error body (unstorable characters replaced). */
function safeForMessage(key: string): string {
  return key.replace(LONE_SURROGATES, '\uFFFD').replaceAll('\u0000', '\uFFFD').slice(0, 64);
}

export function inputValidationError(details: ErrorDetail[]): Error {
  return new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', details);
}

/** Each path segment percent-decoded, or a problem when one is malformed or unstorable. */
function findPathProblem(path: string): ErrorDetail | null {
  // Node's parser refuses control characters in a request line: only an escape can decode to NUL or a surrogate.
  if (!path.includes('%')) return null;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { field: 'path', message: 'the path is not valid percent-encoded UTF-8' };
    }
    const problem = unstorableText(decoded);
    if (problem) return { field: 'path', message: `the path ${problem}` };
  }
  return null;
}

/**
 * A `preValidation` hook, after body parsing and before the route's guards and handler (and for unknown routes
 * too): refuses input no route could store or validate safely (see `findInputProblem`) with 400 VALIDATION_FAILED,
 * once for every route. Multipart bodies are not parsed here; the upload receiver checks their fields with the
 * same rules.
 */
export function inputGuard(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const queryStart = request.url.indexOf('?');
  const problem =
    findPathProblem(queryStart === -1 ? request.url : request.url.slice(0, queryStart)) ??
    findInputProblem(request.query, '', 'query') ??
    findInputProblem(request.body, '');
  done(problem ? inputValidationError([problem]) : undefined);
}

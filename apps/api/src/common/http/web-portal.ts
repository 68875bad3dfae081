import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static';
import { preferredMediaType } from './accepts.js';

/** Paths that belong to the server, never to the browser app. */
const SERVER_PATHS = /^\/(api|socket\.io|metrics)(\/|\?|$)/i;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Serves the built browser portal from `dir`: hashed assets cached for a year, and `index.html` (never cached) for
 * every other GET that asks for HTML, so the app's own routes survive a reload. The fallback is the router's
 * catch-all route, the last one it tries: server paths and requests that do not take HTML get the 404 of the API.
 * Does nothing when the portal is not built.
 */
export function serveWebPortal(app: NestFastifyApplication, dir: string): boolean {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets({
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: YEAR_MS,
    index: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (SERVER_PATHS.test(request.url) || !preferredMediaType(request.headers.accept, ['text/html'])) {
        return reply.callNotFound();
      }
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html', root, { cacheControl: false });
    });
  return true;
}

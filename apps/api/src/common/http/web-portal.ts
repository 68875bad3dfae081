import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths that belong to the server, never to the browser app. */
const SERVER_PATHS = /^\/(api|socket\.io|metrics)(\/|$)/;

/**
 * Serves the built browser portal from `dir`: hashed assets cached for a year, and `index.html` (never cached) for
 * every other GET that asks for HTML, so the app's own routes survive a reload. Does nothing when it is not built.
 */
export function serveWebPortal(app: NestExpressApplication, dir: string): boolean {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(path.join(root, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    if (!request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}

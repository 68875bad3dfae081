import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Env } from './config/env.validation.js';
import { buildOpenApiDocument } from './common/openapi/document.js';
import { requestIdMiddleware } from './common/http/request-id.js';
import { PortalIoAdapter } from './common/realtime/portal-io.adapter.js';
import { inputGuard } from './common/validation/input-guard.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { serveWebPortal } from './common/http/web-portal.js';

/** Everything `main.ts` and the test harness apply to the app alike. */
export function configureApp(app: NestExpressApplication, env: Env): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', env.TRUST_PROXY_HOPS);
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.use(requestIdMiddleware);
  // The portal loads nothing from elsewhere (helmet's defaults still allow any https: origin for styles and fonts);
  // inline styles stay allowed for the API docs page's <style> blocks. Over plain http (an intranet), assets must
  // not be upgraded to https. The document preview runs PDF.js's worker from the portal's own files and shows
  // images fetched with the member's token from blob: addresses.
  const secure = env.PUBLIC_URL?.startsWith('https:') ?? false;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          workerSrc: ["'self'"],
          upgradeInsecureRequests: secure ? [] : null,
        },
      },
    }),
  );
  // Only the auth routes read a cookie (the refresh token's, scoped to `/api/auth`).
  app.use('/api/auth', cookieParser());
  // Parsers registered here (Nest then skips its own) so that the input guard runs after them and before routing.
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(inputGuard);
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.length ? origins : false, credentials: true, exposedHeaders: ['X-Request-Id'] });
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new PortalIoAdapter(app, env.REDIS_URL, env.REDIS_PREFIX));

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, env.PUBLIC_URL), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
  serveWebPortal(app, env.WEB_DIR);
  return app;
}

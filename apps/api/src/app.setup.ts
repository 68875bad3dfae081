import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Env } from './config/env.validation.js';
import { toErrorBody } from './common/filters/all-exceptions.filter.js';
import { buildOpenApiDocument } from './common/openapi/document.js';
import { BODY_LIMIT_BYTES, leaveOtherBodiesUnread, parseJsonBody } from './common/http/body-parsers.js';
import { echoRequestId, REQUEST_ID_HEADER, requestIdFor } from './common/http/request-id.js';
import { PortalIoAdapter } from './common/realtime/portal-io.adapter.js';
import { inputGuard, inputValidationError } from './common/validation/input-guard.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { serveWebPortal } from './common/http/web-portal.js';

/**
 * The HTTP platform (Fastify) with the options that must be set when it is created: client addresses through
 * `TRUST_PROXY_HOPS` proxies, request ids before routing, the body limit, and routing that matches what the API's
 * clients rely on (case-insensitive paths, a trailing slash ignored, path parameters of any length).
 */
export function createHttpAdapter(env: Env): FastifyAdapter {
  return new FastifyAdapter({
    // The client is the address `TRUST_PROXY_HOPS` hops from the socket (Fastify takes a bare number as no trust).
    trustProxy: env.TRUST_PROXY_HOPS > 0 ? (_address: string, hop: number) => hop < env.TRUST_PROXY_HOPS : false,
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // The router refuses a path it cannot percent-decode before any hook (or Nest's error handling) runs: answered
    // here in the contract's shape, like the input guard's refusals.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const exception =
        error.code === 'FST_ERR_BAD_URL'
          ? inputValidationError([{ field: 'path', message: 'the path is not valid percent-encoded UTF-8' }])
          : error;
      const body = toErrorBody(exception, request.id);
      void reply
        .code(body.statusCode)
        .header(REQUEST_ID_HEADER, request.id)
        .header('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify(body));
    },
  });
}

/** Everything `main.ts` and the test harness apply to the app alike (created with `createHttpAdapter`). */
export function configureApp(app: NestFastifyApplication, env: Env): INestApplication {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // Before Nest's middleware (the access log), so that every log line and error body carries the id.
  fastify.addHook('onRequest', echoRequestId);
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  // The portal loads nothing from elsewhere (helmet's defaults still allow any https: origin for styles and fonts);
  // inline styles stay allowed for the API docs page's <style> blocks. Over plain http (an intranet), assets must
  // not be upgraded to https. The document preview runs PDF.js's worker from the portal's own files and shows
  // images fetched with the member's token from blob: addresses. helmet itself, built once: @fastify/helmet builds it
  // again for every request (a tenth of the CPU of a trivial request). Its headers go on the Node response, so every
  // answer carries them, errors and 404s included.
  const secure = env.PUBLIC_URL?.startsWith('https:') ?? false;
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  // Only the auth routes read a cookie (the refresh token's, scoped to `/api/auth`): they parse the header when
  // they need it, so no other request pays for it.
  void app.register(fastifyCookie, { hook: false });
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, parseJsonBody);
  leaveOtherBodiesUnread(fastify);
  fastify.addHook('preValidation', inputGuard);
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

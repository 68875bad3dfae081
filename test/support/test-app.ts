import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { createDatabase, dropDatabase } from '@lcc/database';
import { Fixtures } from '@lcc/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp, createHttpAdapter } from '../../apps/api/src/app.setup.js';
import { validateEnv } from '../../apps/api/src/config/env.validation.js';

export const TEST_ADMIN = { email: 'admin@test.lcc', password: 'admin-Password-1234' };

/** Limits high enough for suites that create many members; the rate-limit suite lowers them. */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  RATE_LIMIT_DEFAULT: '100000',
  RATE_LIMIT_AUTH_IP: '100000',
  RATE_LIMIT_AUTH_ACCOUNT: '100000',
  RATE_LIMIT_AUTH_ACCOUNT_CLIENT: '100000',
  PUBLIC_URL: 'http://portal.test',
  REMINDER_POLL_INTERVAL_MS: '0',
};

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  /** `http://127.0.0.1:<port>` of the running server (for socket.io clients). */
  url: string;
  /** supertest bound to the running server. */
  http: () => ReturnType<typeof request>;
  fx: Fixtures;
  /** Stops the app (idempotent) and keeps its database, e.g. to start another instance on it. */
  stop(): Promise<void>;
  /** Stops the app and drops its database (unless it was shared in). */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Env values over the test defaults; `null` removes a default (e.g. ADMIN_EMAIL). */
  env?: Record<string, string | null>;
  /** Share an existing database (a second instance) instead of creating one; it is then not dropped. */
  databaseUrl?: string;
  /** Pretend the database is the embedded one (first-admin generation). */
  embeddedDatabase?: boolean;
  announce?: (text: string) => void;
  /** Listen on this port instead of a random one (when PUBLIC_URL must name the port, e.g. an OIDC redirect URI). */
  port?: number;
}

/** Boots the real AppModule on a fresh database (real migrations) and a real HTTP port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = requireAdminUrl();
  const ownsDatabase = !options.databaseUrl;
  const databaseUrl = options.databaseUrl ?? (await createDatabase(adminUrl));
  const merged: Record<string, string | null> = { ...TEST_ENV, ...options.env, DATABASE_URL: databaseUrl, PORT: '0' };
  const env = validateEnv(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)));
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        env,
        databaseUrl,
        embeddedDatabase: options.embeddedDatabase ?? false,
        announce: options.announce ?? (() => undefined),
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(env), { bufferLogs: true });
  configureApp(app, env);
  await app.listen(options.port ?? 0, '127.0.0.1');
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const http = () => request(server);
  const { port } = server.address() as { port: number };
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    stopping ??= app.close();
    await stopping;
  };
  return {
    app,
    databaseUrl,
    url: `http://127.0.0.1:${port}`,
    http,
    fx: new Fixtures(http, TEST_ADMIN),
    stop,
    async close() {
      await stop();
      if (ownsDatabase) await dropDatabase(adminUrl, databaseUrl);
    },
  };
}

export function requireAdminUrl(): string {
  const url = process.env.LCC_TEST_ADMIN_URL;
  if (!url) throw new Error('LCC_TEST_ADMIN_URL is not set: run the tests through `npm test`');
  return url;
}

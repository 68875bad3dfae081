import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { createDatabase, dropDatabase } from '@lcc/database';
import { Fixtures } from '@lcc/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';
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
  RATE_LIMIT_LOGIN_ACCOUNT: '100000',
  PUBLIC_URL: 'http://portal.test',
};

export interface TestApp {
  app: NestExpressApplication;
  databaseUrl: string;
  /** supertest bound to the running server. */
  http: () => ReturnType<typeof request>;
  fx: Fixtures;
  close(): Promise<void>;
}

/** Boots the real AppModule on a fresh database (real migrations) and a real HTTP port. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = requireAdminUrl();
  const databaseUrl = await createDatabase(adminUrl);
  const env = validateEnv({ ...TEST_ENV, ...overrides, DATABASE_URL: databaseUrl, PORT: '0' });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ env, databaseUrl, embeddedDatabase: false, announce: () => undefined })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, env);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    databaseUrl,
    http,
    fx: new Fixtures(http, TEST_ADMIN),
    async close() {
      await app.close();
      await dropDatabase(adminUrl, databaseUrl);
    },
  };
}

export function requireAdminUrl(): string {
  const url = process.env.LCC_TEST_ADMIN_URL;
  if (!url) throw new Error('LCC_TEST_ADMIN_URL is not set: run the tests through `npm test`');
  return url;
}

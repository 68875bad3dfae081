import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { configureApp, createHttpAdapter } from './app.setup.js';
import { validateEnv } from './config/env.validation.js';
import { resolveDatabase } from './database/connect.js';

const announce = (text: string): void => void process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv(process.env);
  const startedAt = performance.now();
  const database = await resolveDatabase(env, (line) => console.error(line));
  if (database.embedded) announce(`Embedded PostgreSQL running (data in ${database.embedded.clusterDir})`);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ env, databaseUrl: database.url, embeddedDatabase: database.embedded !== null, announce }),
    createHttpAdapter(env),
    { bufferLogs: true },
  );
  configureApp(app, env);

  // Take the signals over from any library hook that would exit at once: in-flight requests finish first, then
  // the embedded server stops, then the process exits 0.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    announce(`${signal} received: finishing requests and shutting down`);
    try {
      await app.close();
      await database.embedded?.stop();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // Every interface, IPv6 and IPv4, as a Node server listens by default (Fastify's own default is localhost only).
  await app.listen(env.PORT, '::');
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  announce(`LCC portal ready in ${seconds} s at http://localhost:${env.PORT} (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

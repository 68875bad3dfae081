import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked } from '@lcc/database';
import { MIGRATIONS } from '../../../migrations/index.js';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter.js';
import { assignRequestId, requestLogFields } from './common/http/request-id.js';
import { APP_OPTIONS, type AppOptions } from './config/app-options.js';
import { ENTITIES } from './database/entities.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AnalysisModule } from './modules/analysis/analysis.module.js';
import { CitiesModule } from './modules/cities/cities.module.js';
import { JwtAuthGuard } from './modules/auth/guards/jwt-auth.guard.js';
import { RolesGuard } from './modules/auth/guards/roles.guard.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { DiscussionsModule } from './modules/discussions/discussions.module.js';
import { EcoLabelsModule } from './modules/eco-labels/eco-labels.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IndicatorsModule } from './modules/indicators/indicators.module.js';
import { InventoriesModule } from './modules/inventories/inventories.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { RateLimitGuard } from './modules/rate-limits/rate-limit.guard.js';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { StrategiesModule } from './modules/strategies/strategies.module.js';
import { WorkingGroupsModule } from './modules/working-groups/working-groups.module.js';

/** Holds what the bootstrap resolved (validated env, database URL, console) for every module. */
@Global()
@Module({})
class AppOptionsModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppOptionsModule,
      providers: [{ provide: APP_OPTIONS, useValue: options }],
      exports: [APP_OPTIONS],
    };
  }
}

/** Composes the feature modules; built by `main.ts` and by the test harness with the same options. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { env } = options;
    return {
      module: AppModule,
      imports: [
        AppOptionsModule.forRoot(options),
        // Validated before Nest starts (the embedded database depends on it); served to modules from here.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => ({ ...env })] }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            genReqId: assignRequestId,
            // A request is logged by its id, method, address and client address: no headers, so no token or
            // cookie can reach a log, and a line costs one small object instead of a redacted copy of every header.
            serializers: { req: requestLogFields },
            redact: { paths: ['res.headers["set-cookie"]'], censor: '[redacted]' },
            autoLogging: { ignore: (req) => /^\/(api\/health|metrics)/.test(req.url ?? '') },
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            buildDataSourceOptions({
              url: options.databaseUrl,
              entities: ENTITIES,
              migrations: MIGRATIONS,
              poolSize: env.DB_POOL_SIZE,
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            if (env.DB_MIGRATIONS_RUN) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
        EventEmitterModule.forRoot(),
        RateLimitsModule,
        HealthModule,
        MetricsModule,
        SettingsModule,
        AuditModule,
        MailModule,
        MembersModule,
        InvitationsModule,
        AuthModule,
        WorkingGroupsModule,
        MeetingsModule,
        NotificationsModule,
        DiscussionsModule,
        DocumentsModule,
        SearchModule,
        PrivacyModule,
        CitiesModule,
        StrategiesModule,
        InventoriesModule,
        IndicatorsModule,
        AnalysisModule,
        EcoLabelsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Order matters: rate limits first (also for anonymous sign-in attempts), then identity, then roles.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}

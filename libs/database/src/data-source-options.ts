import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DataSourceInput {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one DataSource definition, shared by the Nest app, the TypeORM CLI and the tests.
 * Schema changes come only from migrations: `synchronize` is off everywhere.
 */
export function buildDataSourceOptions(input: DataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'all',
    migrationsRun: false,
    synchronize: false,
    // Extensions are created by migrations; ids come from the built-in gen_random_uuid().
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: input.poolSize ?? 10,
    applicationName: input.applicationName ?? 'lcc-portal',
    // Off: TypeORM would print failed queries with their parameters (password hashes among them).
    logging: false,
  };
}

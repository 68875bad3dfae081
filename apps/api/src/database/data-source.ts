import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@lcc/database';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** The DataSource of the TypeORM CLI (`npm run migration:*`); needs `DATABASE_URL`. */
export function createCliDataSource(url: string): DataSource {
  return new DataSource(buildDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS }));
}

import type pg from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';

/**
 * Runs a statement the portal sends many times a second as a named prepared statement, so PostgreSQL plans it once
 * per connection instead of on every call: the access rules inside such statements have sub-queries that cost more
 * to plan than to run. `name` must always go with the same `text`. Errors come back as TypeORM's
 * `QueryFailedError`, as from `dataSource.query`.
 */
export async function preparedQuery<Row extends pg.QueryResultRow>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  try {
    return (await pool.query<Row>({ name, text, values })).rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

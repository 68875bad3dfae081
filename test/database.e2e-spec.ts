import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, createDatabase, dropDatabase, runMigrationsLocked } from '@lcc/database';
import { MIGRATIONS } from '../migrations/index.js';
import { ENTITIES } from '../apps/api/src/database/entities.js';
import { sql } from './support/db.js';
import { createTestApp, requireAdminUrl } from './support/test-app.js';

const dataSourceFor = (url: string): DataSource =>
  new DataSource(buildDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2 }));

describe('database: migrations', () => {
  const adminUrl = requireAdminUrl();
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(adminUrl);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl, url);
  });

  it('two instances migrating at once take turns under the advisory lock: each migration runs once', async () => {
    const [a, b] = [dataSourceFor(url), dataSourceFor(url)];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ranA, ranB] = await Promise.all([runMigrationsLocked(a), runMigrationsLocked(b)]);
      expect(ranA.length + ranB.length).toBe(MIGRATIONS.length);
      expect(Math.min(ranA.length, ranB.length)).toBe(0);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
    const rows = await sql(url, 'SELECT name FROM typeorm_migrations');
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  it('entities and migrations agree: the schema builder finds nothing to change', async () => {
    const dataSource = dataSourceFor(url);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('every migration has a working down(): reverting all leaves no table, and they apply again', async () => {
    const dataSource = dataSourceFor(url);
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'all' });
      const tables = await sql(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
      expect(tables.map((t) => t.tablename)).toEqual(['typeorm_migrations']);
      expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('database: instances sharing one database', () => {
  it('share the generated JWT secret, so a token from one instance works on the other', async () => {
    const first = await createTestApp();
    const second = await createTestApp({ databaseUrl: first.databaseUrl });
    try {
      const member = await first.fx.member();
      const me = await second.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
      expect(me.body.id).toBe(member.id);
      const secrets = await sql(first.databaseUrl, `SELECT count(*)::int AS n FROM settings WHERE key = 'jwt_secret'`);
      expect(secrets[0]!.n).toBe(1);
    } finally {
      await second.close();
      await first.close();
    }
  });

  // Passport strategies are process-wide, so the two instances here run one after the other.
  it('uses JWT_SECRET when it is set: tokens of another secret are refused', async () => {
    const withSecret = await createTestApp({ env: { JWT_SECRET: 'a'.repeat(48) } });
    const databaseUrl = withSecret.databaseUrl;
    const member = await withSecret.fx.member();
    await withSecret.http().get('/api/members/me').set('Authorization', member.auth).expect(200);
    await withSecret.stop();
    const other = await createTestApp({ databaseUrl, env: { JWT_SECRET: 'b'.repeat(48) } });
    try {
      await other.http().get('/api/members/me').set('Authorization', member.auth).expect(401);
    } finally {
      await other.close();
      await withSecret.close();
    }
  });
});

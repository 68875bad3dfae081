import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMigrationsLocked } from '@lcc/database';
import { validateEnv } from '../config/env.validation.js';
import { createCliDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/connect.js';

/**
 * `migration:run | migration:revert | migration:generate <Name>` against `DATABASE_URL` (or the embedded server).
 * generate writes `migrations/<timestamp>-<name>.ts` from the difference between the entities and the schema.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const env = validateEnv(process.env);
  const target = await resolveDatabase(env, (line) => console.error(line));
  const dataSource = createCliDataSource(target.url);
  await dataSource.initialize();
  try {
    if (command === 'migration:run') {
      const done = await runMigrationsLocked(dataSource);
      console.log(done.length ? `ran ${done.map((m) => m.name).join(', ')}` : 'no pending migrations');
    } else if (command === 'migration:revert') {
      await dataSource.undoLastMigration({ transaction: 'all' });
      console.log('reverted the last migration');
    } else if (command === 'migration:generate' && name && /^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
      await generate(dataSource, name);
    } else {
      throw new Error('usage: migration:run | migration:revert | migration:generate <PascalCaseName>');
    }
  } finally {
    await dataSource.destroy();
    await target.embedded?.stop();
  }
}

async function generate(dataSource: ReturnType<typeof createCliDataSource>, name: string): Promise<void> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('entities and migrations agree: nothing to generate');
    return;
  }
  const timestamp = Date.now();
  const quote = (query: string): string => '`' + query.replaceAll('\\', '\\\\').replaceAll('`', '\\`') + '`';
  const lines = (queries: { query: string }[]): string =>
    queries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const file = path.resolve('migrations', `${timestamp}-${kebab}.ts`);
  await writeFile(file, source);
  console.log(`wrote ${path.relative(process.cwd(), file)}: add ${name}${timestamp} to migrations/index.ts`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

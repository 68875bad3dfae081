import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795896495875 implements MigrationInterface {
  name = 'RateLimits1795896495875';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(300) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3be34881f7e1c7ab10efceb6d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_87523e3240b3e0243b4bd67f2b" ON "rate_limit_windows"  ("window_start") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rate_limit_windows_key_window" ON "rate_limit_windows"  ("key", "window_start") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_rate_limit_windows_key_window"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87523e3240b3e0243b4bd67f2b"`);
    await queryRunner.query(`DROP TABLE "rate_limit_windows"`);
  }
}

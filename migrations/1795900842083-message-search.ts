import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageSearch1795900842083 implements MigrationInterface {
  name = 'MessageSearch1795900842083';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "search_vector" tsvector`);
    await queryRunner.query(`CREATE INDEX "idx_messages_search_vector" ON "messages" USING gin ("search_vector")`);
    // Messages written before search existed are indexed by the database's own word splitting (no CJK segmentation);
    // new and edited messages get the application's segmentation.
    await queryRunner.query(
      `UPDATE "messages" SET "search_vector" = to_tsvector('simple', lower("body")) WHERE "deleted_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_messages_search_vector"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "search_vector"`);
  }
}

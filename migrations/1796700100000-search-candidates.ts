import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ranks a bounded set of candidates instead of every match. Messages: the newest matches in the rooms a
 * member may read, found by walking the live messages newest first (this index) and stopping once there are
 * enough. Documents: the newest matches, plus the newest whose title, tags or description match (`title_vector`,
 * the A and B words of `search_vector`, in its own small index), so an older document named after the query is
 * still among the first results.
 */
export class SearchCandidates1796700100000 implements MigrationInterface {
  name = 'SearchCandidates1796700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_messages_created_at_live" ON "messages" ("created_at") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "documents" ADD "title_vector" tsvector`);
    await queryRunner.query(`UPDATE "documents" SET "title_vector" = ts_filter("search_vector", '{a,b}')`);
    await queryRunner.query(`CREATE INDEX "idx_documents_title_vector" ON "documents" USING gin ("title_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_documents_title_vector"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "title_vector"`);
    await queryRunner.query(`DROP INDEX "public"."idx_messages_created_at_live"`);
  }
}

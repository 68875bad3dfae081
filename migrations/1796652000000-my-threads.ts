import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "My threads" starts from a member's own messages: the threads they started and those they replied to. */
export class MyThreads1796652000000 implements MigrationInterface {
  name = 'MyThreads1796652000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_messages_author_thread" ON "messages" ("author_id", "thread_root_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_messages_author_thread"`);
  }
}

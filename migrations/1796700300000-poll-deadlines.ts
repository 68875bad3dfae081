import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Polls that decide: an optional deadline after which answers stop, and the one reminder sent a day before it. */
export class PollDeadlines1796700300000 implements MigrationInterface {
  name = 'PollDeadlines1796700300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "polls" ADD "deadline" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "polls" ADD "reminder_sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "idx_polls_reminder_due" ON "polls" ("deadline") WHERE "reminder_sent_at" IS NULL AND "status" = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_polls_reminder_due"`);
    await queryRunner.query(`ALTER TABLE "polls" DROP COLUMN "reminder_sent_at"`);
    await queryRunner.query(`ALTER TABLE "polls" DROP COLUMN "deadline"`);
  }
}

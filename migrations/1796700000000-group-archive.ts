import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Working groups can be archived (kept and readable to their members, closed to anything new). */
export class GroupArchive1796700000000 implements MigrationInterface {
  name = 'GroupArchive1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "working_groups" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A hidden group becomes private: the closest older kind that still keeps its content to its members.
    await queryRunner.query(`UPDATE "working_groups" SET "visibility" = 'private' WHERE "visibility" = 'hidden'`);
    await queryRunner.query(`ALTER TABLE "working_groups" DROP COLUMN "archived_at"`);
  }
}

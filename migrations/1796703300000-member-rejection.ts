import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pending registration may be rejected with a reason: the member row keeps the reason and when (status
 * `rejected`, a varchar like every enum). `down()` turns rejected rows back into pending ones before the columns go.
 */
export class MemberRejection1796703300000 implements MigrationInterface {
  name = 'MemberRejection1796703300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "rejection_reason" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "members" ADD "rejected_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "members" SET "status" = 'pending' WHERE "status" = 'rejected'`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "rejected_at"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "rejection_reason"`);
  }
}

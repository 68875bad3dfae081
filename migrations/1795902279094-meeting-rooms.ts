import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingRooms1795902279094 implements MigrationInterface {
  name = 'MeetingRooms1795902279094';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_33b160102b401d60a86ae2df45" ON "rooms"  ("meeting_id") WHERE "meeting_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_33b160102b401d60a86ae2df45"`);
  }
}

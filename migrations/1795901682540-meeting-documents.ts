import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingDocuments1795901682540 implements MigrationInterface {
  name = 'MeetingDocuments1795901682540';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" ADD "document_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "document_ids"`);
  }
}

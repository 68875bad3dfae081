import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageAttachments1795901059717 implements MigrationInterface {
  name = 'MessageAttachments1795901059717';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "attachment_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "attachment_ids"`);
  }
}

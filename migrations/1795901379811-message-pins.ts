import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagePins1795901379811 implements MigrationInterface {
  name = 'MessagePins1795901379811';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "pinned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "pinned_by_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "pinned_by_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "pinned_at"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text extraction counts its attempts and records when the current one was claimed, in committed statements, so a
 * file whose parse takes the whole process down is not claimed again and again after every restart.
 */
export class ExtractionAttempts1795906200000 implements MigrationInterface {
  name = 'ExtractionAttempts1795906200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_versions" ADD "extraction_attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "document_versions" ADD "extraction_started_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "extraction_started_at"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "extraction_attempts"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versions carry an optional note, and a restored version names the version whose bytes it brought back. */
export class DocumentVersionNotes1796710000000 implements MigrationInterface {
  name = 'DocumentVersionNotes1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_versions" ADD "note" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "document_versions" ADD "restored_from_number" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "restored_from_number"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "note"`);
  }
}

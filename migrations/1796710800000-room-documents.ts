import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A document may be for the readers of one discussion room (a file pasted or dropped into a room). */
export class RoomDocuments1796710800000 implements MigrationInterface {
  name = 'RoomDocuments1796710800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD "room_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_documents_room_id" ON "documents" ("room_id") WHERE "room_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_documents_room_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "room_id"`);
  }
}

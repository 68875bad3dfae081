import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document may be for the readers of one discussion room (a file pasted or dropped into a room); and a document
 * shared with several working groups is kept in a folder of each group (`document_working_groups.folder_id`), while
 * `documents.folder_id` keeps its folder of the library.
 */
export class RoomDocumentsGroupFolders1796710800000 implements MigrationInterface {
  name = 'RoomDocumentsGroupFolders1796710800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD "room_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_documents_room_id" ON "documents" ("room_id") WHERE "room_id" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "document_working_groups" ADD "folder_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_document_working_groups_folder_id" ON "document_working_groups" ("folder_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "document_working_groups" ADD CONSTRAINT "fk_document_working_groups_folder" FOREIGN KEY ("folder_id") REFERENCES "document_folders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // A document kept in a group's folder is kept there for that group; its library place is then none.
    await queryRunner.query(
      `UPDATE document_working_groups dg SET folder_id = d.folder_id
         FROM documents d JOIN document_folders f ON f.id = d.folder_id
        WHERE dg.document_id = d.id AND dg.working_group_id = f.working_group_id`,
    );
    await queryRunner.query(
      `UPDATE documents d SET folder_id = NULL FROM document_folders f
        WHERE f.id = d.folder_id AND f.working_group_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // One folder again: the library's, else the one of its first group that holds it.
    await queryRunner.query(
      `UPDATE documents d SET folder_id = (SELECT dg.folder_id FROM document_working_groups dg
          WHERE dg.document_id = d.id AND dg.folder_id IS NOT NULL ORDER BY dg.position LIMIT 1)
        WHERE d.folder_id IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_working_groups" DROP CONSTRAINT "fk_document_working_groups_folder"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_document_working_groups_folder_id"`);
    await queryRunner.query(`ALTER TABLE "document_working_groups" DROP COLUMN "folder_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_room_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "room_id"`);
  }
}

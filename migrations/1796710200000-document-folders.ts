import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Folders (collections) of documents, in the library or inside a working group; a document is kept in one or none. */
export class DocumentFolders1796710200000 implements MigrationInterface {
  name = 'DocumentFolders1796710200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_folders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "working_group_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0307e252e6c13b4ff3ade731523" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e98e4b5e47b76729d45b9f7e01" ON "document_folders"  ("working_group_id") `,
    );
    await queryRunner.query(`ALTER TABLE "documents" ADD "folder_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_e0ccba38ea80d444e2f4614d7c" ON "documents"  ("folder_id") `);
    await queryRunner.query(
      `ALTER TABLE "document_folders" ADD CONSTRAINT "FK_e98e4b5e47b76729d45b9f7e01c" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_folders" ADD CONSTRAINT "FK_7f985180f5fee2b3a78e4a7363c" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd" FOREIGN KEY ("folder_id") REFERENCES "document_folders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd"`);
    await queryRunner.query(`ALTER TABLE "document_folders" DROP CONSTRAINT "FK_7f985180f5fee2b3a78e4a7363c"`);
    await queryRunner.query(`ALTER TABLE "document_folders" DROP CONSTRAINT "FK_e98e4b5e47b76729d45b9f7e01c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e0ccba38ea80d444e2f4614d7c"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "folder_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e98e4b5e47b76729d45b9f7e01"`);
    await queryRunner.query(`DROP TABLE "document_folders"`);
  }
}

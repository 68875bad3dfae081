import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document may be shared with several working groups: each is a row here (position 0 is the first, which
 * `documents.working_group_id` keeps naming). Every document filed under a group gets its row.
 */
export class DocumentGroups1796710100000 implements MigrationInterface {
  name = 'DocumentGroups1796710100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_working_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "working_group_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea58356f58e4c572efd5d0f966d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dd35f83ab753d6192d1b6361b6" ON "document_working_groups"  ("working_group_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_working_groups_document_group" ON "document_working_groups"  ("document_id", "working_group_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "document_working_groups" ADD CONSTRAINT "FK_f4907cf672947e8f935b798cf89" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_working_groups" ADD CONSTRAINT "FK_dd35f83ab753d6192d1b6361b6e" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "document_working_groups" ("document_id", "working_group_id", "position")
       SELECT "id", "working_group_id", 0 FROM "documents" WHERE "working_group_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_working_groups" DROP CONSTRAINT "FK_dd35f83ab753d6192d1b6361b6e"`);
    await queryRunner.query(`ALTER TABLE "document_working_groups" DROP CONSTRAINT "FK_f4907cf672947e8f935b798cf89"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_working_groups_document_group"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd35f83ab753d6192d1b6361b6"`);
    await queryRunner.query(`DROP TABLE "document_working_groups"`);
  }
}

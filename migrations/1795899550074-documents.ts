import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795899550074 implements MigrationInterface {
  name = 'Documents1795899550074';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(300) NOT NULL, "description" character varying(4000), "kind" character varying(32) NOT NULL, "language" character varying(8) NOT NULL DEFAULT 'other', "country" character varying(2), "city" character varying(200), "year" integer, "tags" text array NOT NULL DEFAULT '{}', "working_group_id" uuid, "visibility" character varying(16) NOT NULL, "uploaded_by_id" uuid NOT NULL, "latest_version_number" integer NOT NULL DEFAULT '1', "download_count" integer NOT NULL DEFAULT '0', "search_vector" tsvector, "search_text" text, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_acc380d49e06f512742a93e4df" ON "documents"  ("working_group_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_02306fdd7023e63532159eefb3" ON "documents"  ("uploaded_by_id") `);
    await queryRunner.query(`CREATE INDEX "idx_documents_created_at_id" ON "documents"  ("created_at", "id") `);
    // By hand: GIN indexes for full-text search and tag filters (entities mark them synchronize: false).
    await queryRunner.query(`CREATE INDEX "idx_documents_search_vector" ON "documents" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "idx_documents_tags" ON "documents" USING GIN ("tags")`);
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "file_name" character varying(255) NOT NULL, "mime_type" character varying(127) NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_id" uuid NOT NULL, "extraction_status" character varying(16) NOT NULL DEFAULT 'pending', "extracted_text" text, "extraction_error" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_753613bdd8439e97134c6a7c84" ON "document_versions"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_7f96c9cf9146b0a0fb0ee4e7ac" ON "document_versions"  ("uploaded_by_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_document_versions_pending" ON "document_versions"  ("created_at") WHERE "extraction_status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_document_number" ON "document_versions"  ("document_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_downloads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version_number" integer NOT NULL, "member_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ea2f1e4e5dbf16c11e554c3713" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4920b68e93c695871b50a1d570" ON "document_downloads"  ("version_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1c97d2ded548575ffbc521a00" ON "document_downloads"  ("member_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_document_downloads_document_created" ON "document_downloads"  ("document_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_acc380d49e06f512742a93e4dfa" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_02306fdd7023e63532159eefb3c" FOREIGN KEY ("uploaded_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_7f96c9cf9146b0a0fb0ee4e7ac1" FOREIGN KEY ("uploaded_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_downloads" ADD CONSTRAINT "FK_3b0cb22d83f9e534eebc1957610" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_downloads" ADD CONSTRAINT "FK_4920b68e93c695871b50a1d5709" FOREIGN KEY ("version_id") REFERENCES "document_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_downloads" ADD CONSTRAINT "FK_f1c97d2ded548575ffbc521a005" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_downloads" DROP CONSTRAINT "FK_f1c97d2ded548575ffbc521a005"`);
    await queryRunner.query(`ALTER TABLE "document_downloads" DROP CONSTRAINT "FK_4920b68e93c695871b50a1d5709"`);
    await queryRunner.query(`ALTER TABLE "document_downloads" DROP CONSTRAINT "FK_3b0cb22d83f9e534eebc1957610"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "FK_7f96c9cf9146b0a0fb0ee4e7ac1"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_02306fdd7023e63532159eefb3c"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_acc380d49e06f512742a93e4dfa"`);
    await queryRunner.query(`DROP INDEX "public"."idx_document_downloads_document_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1c97d2ded548575ffbc521a00"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4920b68e93c695871b50a1d570"`);
    await queryRunner.query(`DROP TABLE "document_downloads"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_versions_document_number"`);
    await queryRunner.query(`DROP INDEX "public"."idx_document_versions_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7f96c9cf9146b0a0fb0ee4e7ac"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_753613bdd8439e97134c6a7c84"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_created_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_tags"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_search_vector"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02306fdd7023e63532159eefb3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_acc380d49e06f512742a93e4df"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}

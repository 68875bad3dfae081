import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members' control over their data: who finds them in the directory and which contact fields they show, the
 * moment an account was deleted (status `deleted`, a varchar like every enum), and the "download my data" requests.
 * `down()` drops the exports and turns deleted accounts into suspended ones, which still cannot sign in.
 */
export class MemberPrivacy1796710500000 implements MigrationInterface {
  name = 'MemberPrivacy1796710500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "members" ADD "directory_visibility" character varying(16) NOT NULL DEFAULT 'network'`,
    );
    await queryRunner.query(
      `ALTER TABLE "members" ADD "shown_contact_fields" text array NOT NULL DEFAULT '{organization,city}'`,
    );
    await queryRunner.query(`ALTER TABLE "members" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "data_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'requested', "attempts" integer NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "storage_key" character varying(200), "size" bigint, "finished_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e8b8b297ef4446f30527695c10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a941d5bf3042f9a3b22651379d" ON "data_exports" ("member_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_data_exports_status_expires_at" ON "data_exports" ("status", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_data_exports_member_requested" ON "data_exports" ("member_id") WHERE status = 'requested'`,
    );
    await queryRunner.query(
      `ALTER TABLE "data_exports" ADD CONSTRAINT "FK_a941d5bf3042f9a3b22651379db" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_exports" DROP CONSTRAINT "FK_a941d5bf3042f9a3b22651379db"`);
    await queryRunner.query(`DROP INDEX "public"."uq_data_exports_member_requested"`);
    await queryRunner.query(`DROP INDEX "public"."idx_data_exports_status_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a941d5bf3042f9a3b22651379d"`);
    await queryRunner.query(`DROP TABLE "data_exports"`);
    await queryRunner.query(`UPDATE "members" SET "status" = 'suspended' WHERE "status" = 'deleted'`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "shown_contact_fields"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "directory_visibility"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingGroups1795898095911 implements MigrationInterface {
  name = 'WorkingGroups1795898095911';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "working_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(100) NOT NULL, "description" character varying(4000), "thematic_area" character varying(40) NOT NULL, "visibility" character varying(16) NOT NULL DEFAULT 'public', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d53cc7fcdd1564ebfd5c962ff7a" UNIQUE ("slug"), CONSTRAINT "PK_95e6a3cace78635e0e7c85ddc98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_working_groups_name_id" ON "working_groups"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "working_group_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "working_group_id" uuid NOT NULL, "member_id" uuid NOT NULL, "role" character varying(16) NOT NULL DEFAULT 'member', "status" character varying(16) NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79c2082b2ac58b4cd21a155503d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fa900e547cc5906de244c74a04" ON "working_group_members"  ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_working_group_members_group_member" ON "working_group_members"  ("working_group_id", "member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_01155619d8313ba1c34e7a0068f" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_group_members" ADD CONSTRAINT "FK_fa900e547cc5906de244c74a04b" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_fa900e547cc5906de244c74a04b"`);
    await queryRunner.query(`ALTER TABLE "working_group_members" DROP CONSTRAINT "FK_01155619d8313ba1c34e7a0068f"`);
    await queryRunner.query(`DROP INDEX "public"."uq_working_group_members_group_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fa900e547cc5906de244c74a04"`);
    await queryRunner.query(`DROP TABLE "working_group_members"`);
    await queryRunner.query(`DROP INDEX "public"."idx_working_groups_name_id"`);
    await queryRunner.query(`DROP TABLE "working_groups"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Polls1795898644101 implements MigrationInterface {
  name = 'Polls1795898644101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "polls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "working_group_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "time_zone" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "created_by_id" uuid, "meeting_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9bbb8fc7b142553c518ddffbb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f2432dbef62db30d6721a72ccf" ON "polls"  ("working_group_id") `);
    await queryRunner.query(
      `CREATE TABLE "poll_options" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f52aac4865d291e3658dedf9083" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c00cc693afceae746fa82c0a55" ON "poll_options"  ("poll_id") `);
    await queryRunner.query(
      `CREATE TABLE "poll_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "option_id" uuid NOT NULL, "member_id" uuid NOT NULL, "answer" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b94b2749fdb5f5dd3836b8f907a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba03ab00c027c6499e7ddc7340" ON "poll_votes"  ("poll_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_poll_votes_option_member" ON "poll_votes"  ("option_id", "member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_options" ADD CONSTRAINT "FK_c00cc693afceae746fa82c0a558" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_votes" ADD CONSTRAINT "FK_433367a9fe86d90e66637310b65" FOREIGN KEY ("option_id") REFERENCES "poll_options"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_votes" ADD CONSTRAINT "FK_fa95e31d9867f5d773995bd4344" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_fa95e31d9867f5d773995bd4344"`);
    await queryRunner.query(`ALTER TABLE "poll_votes" DROP CONSTRAINT "FK_433367a9fe86d90e66637310b65"`);
    await queryRunner.query(`ALTER TABLE "poll_options" DROP CONSTRAINT "FK_c00cc693afceae746fa82c0a558"`);
    await queryRunner.query(`DROP INDEX "public"."uq_poll_votes_option_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba03ab00c027c6499e7ddc7340"`);
    await queryRunner.query(`DROP TABLE "poll_votes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c00cc693afceae746fa82c0a55"`);
    await queryRunner.query(`DROP TABLE "poll_options"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2432dbef62db30d6721a72ccf"`);
    await queryRunner.query(`DROP TABLE "polls"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795898334782 implements MigrationInterface {
  name = 'Meetings1795898334782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_57657d60904cddaae1ca5c861cb" UNIQUE ("member_id"), CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "working_group_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" character varying(8000), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" character varying(64) NOT NULL, "venue" character varying(300), "online_url" character varying(2000), "agenda" jsonb NOT NULL DEFAULT '[]', "status" character varying(16) NOT NULL DEFAULT 'scheduled', "sequence" integer NOT NULL DEFAULT '0', "organizer_id" uuid, "minutes" text, "action_items" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e9f43af2e6f218760cf060152" ON "meetings"  ("working_group_id") `);
    await queryRunner.query(`CREATE INDEX "idx_meetings_starts_at_id" ON "meetings"  ("starts_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_invitees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "member_id" uuid NOT NULL, "response" character varying(16) NOT NULL DEFAULT 'needs_action', "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e2e1fecf8cb1a99d1694569ab1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f26d76aa01a5ee2ec7f5043d27" ON "meeting_invitees"  ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meeting_invitees_meeting_member" ON "meeting_invitees"  ("meeting_id", "member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_3e9f43af2e6f218760cf060152b" FOREIGN KEY ("working_group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_51783596c43363cc8fe4b6e3f84" FOREIGN KEY ("organizer_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_invitees" ADD CONSTRAINT "FK_e0ef584a829976259db2e868a17" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_invitees" ADD CONSTRAINT "FK_f26d76aa01a5ee2ec7f5043d276" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_invitees" DROP CONSTRAINT "FK_f26d76aa01a5ee2ec7f5043d276"`);
    await queryRunner.query(`ALTER TABLE "meeting_invitees" DROP CONSTRAINT "FK_e0ef584a829976259db2e868a17"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_51783596c43363cc8fe4b6e3f84"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_3e9f43af2e6f218760cf060152b"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meeting_invitees_meeting_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f26d76aa01a5ee2ec7f5043d27"`);
    await queryRunner.query(`DROP TABLE "meeting_invitees"`);
    await queryRunner.query(`DROP INDEX "public"."idx_meetings_starts_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e9f43af2e6f218760cf060152"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndReminders1795898811072 implements MigrationInterface {
  name = 'NotificationsAndReminders1795898811072';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c37542596731a5173a7ea82a54f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_meeting_reminders_due" ON "meeting_reminders"  ("due_at") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meeting_reminders_meeting_kind" ON "meeting_reminders"  ("meeting_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "title" character varying(300) NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_member_created" ON "notifications"  ("member_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_reminders" ADD CONSTRAINT "FK_0e756ccde7e608ba09a0fff7217" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_38ed7ae62fa481f85f21cec2624" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_38ed7ae62fa481f85f21cec2624"`);
    await queryRunner.query(`ALTER TABLE "meeting_reminders" DROP CONSTRAINT "FK_0e756ccde7e608ba09a0fff7217"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_member_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meeting_reminders_meeting_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_meeting_reminders_due"`);
    await queryRunner.query(`DROP TABLE "meeting_reminders"`);
  }
}

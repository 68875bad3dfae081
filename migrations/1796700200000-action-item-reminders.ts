import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "My action items": a GIN index finds a member's items inside the meetings' `action_items` (`@>` containment),
 * and each open item with an owner and a due date has one reminder, due on the morning of that day in the
 * owner's time zone, claimed once by the job that sends it.
 */
export class ActionItemReminders1796700200000 implements MigrationInterface {
  name = 'ActionItemReminders1796700200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_meetings_action_items" ON "meetings" USING gin ("action_items" jsonb_path_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "action_item_reminders" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "meeting_id" uuid NOT NULL,
         "item_id" uuid NOT NULL,
         "member_id" uuid NOT NULL,
         "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "sent_at" TIMESTAMP WITH TIME ZONE,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_action_item_reminders" PRIMARY KEY ("id"),
         CONSTRAINT "FK_action_item_reminders_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_action_item_reminders_member" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_action_item_reminders_item" ON "action_item_reminders" ("meeting_id", "item_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_action_item_reminders_due" ON "action_item_reminders" ("due_at") WHERE "sent_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "action_item_reminders"`);
    await queryRunner.query(`DROP INDEX "idx_meetings_action_items"`);
  }
}

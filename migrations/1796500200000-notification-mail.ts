import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification e-mail: each member's choice per kind (immediately, daily, never), digest hour and quiet hours, and
 * the batches of notification mail that wait for a digest or for the end of quiet hours.
 */
export class NotificationMail1796500200000 implements MigrationInterface {
  name = 'NotificationMail1796500200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_mail_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "reason" character varying(8) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notification_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e4e73e36ebc21baec9015277f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_mail_batches_due" ON "notification_mail_batches"  ("due_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_notification_mail_batches_slot" ON "notification_mail_batches"  ("member_id", "reason", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "mentions" character varying(16) NOT NULL DEFAULT 'immediately', "direct_messages" character varying(16) NOT NULL DEFAULT 'daily', "meetings" character varying(16) NOT NULL DEFAULT 'immediately', "group_requests" character varying(16) NOT NULL DEFAULT 'daily', "documents" character varying(16) NOT NULL DEFAULT 'daily', "digest_hour" smallint NOT NULL DEFAULT '8', "quiet_hours_start" character varying(5), "quiet_hours_end" character varying(5), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b46f4431d5c6707b3da7ecfbb6f" UNIQUE ("member_id"), CONSTRAINT "PK_e94e2b543f2f218ee68e4f4fad2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_mail_batches" ADD CONSTRAINT "FK_da83ca4513f6923ae6472aeccf9" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_b46f4431d5c6707b3da7ecfbb6f" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_b46f4431d5c6707b3da7ecfbb6f"`);
    await queryRunner.query(`ALTER TABLE "notification_mail_batches" DROP CONSTRAINT "FK_da83ca4513f6923ae6472aeccf9"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_mail_batches_slot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_mail_batches_due"`);
    await queryRunner.query(`DROP TABLE "notification_mail_batches"`);
  }
}

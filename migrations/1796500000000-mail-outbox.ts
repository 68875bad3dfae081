import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail outbox: messages are written in the transaction of the change that causes them and delivered by a
 * worker that claims due rows with a lease (`status`, `attempts`, `lease_until`, `next_attempt_at`).
 */
export class MailOutbox1796500000000 implements MigrationInterface {
  name = 'MailOutbox1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(48) NOT NULL, "to_address" character varying(254) NOT NULL, "to_name" character varying(200), "language" character varying(8) NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "calendar" jsonb, "message_id" character varying(255) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3c364b2c15ecfabf0b12e8b18a2" UNIQUE ("message_id"), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_mail_outbox_created" ON "mail_outbox" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_mail_outbox_due" ON "mail_outbox" ("status", "next_attempt_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_mail_outbox_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_outbox_created"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
  }
}

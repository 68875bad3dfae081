import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account e-mail: single-use links (password reset, address confirmation) kept as SHA-256, the language and
 * withdrawal of invitations, and when a member proved their address. Members who registered from an invitation
 * proved it then.
 */
export class AccountMail1796500100000 implements MigrationInterface {
  name = 'AccountMail1796500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "purpose" character varying(32) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_167033390a71c52224c7c636c8b" UNIQUE ("token_hash"), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_account_tokens_member_purpose" ON "account_tokens" ("member_id", "purpose")`,
    );
    await queryRunner.query(`ALTER TABLE "members" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "language" character varying(8) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_8181f4cf1c6f35e6d0e358e0ed8" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "members" m SET "email_verified_at" = i."accepted_at" FROM "invitations" i WHERE i."accepted_member_id" = m."id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_8181f4cf1c6f35e6d0e358e0ed8"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_account_tokens_member_purpose"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in in tables of its own (the members table is left alone): one TOTP authenticator per member, its
 * secret encrypted by the application, and the member's single-use recovery codes as SHA-256. Both go with the member.
 */
export class TwoFactor1796710300000 implements MigrationInterface {
  name = 'TwoFactor1796710300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1d09afad4ddcf4a203f006fe11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_member_recovery_codes_member" ON "member_recovery_codes" ("member_id")`);
    await queryRunner.query(
      `CREATE TABLE "member_second_factors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "secret_ciphertext" character varying(200) NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_8115e5cbc22307b1de537856f6" UNIQUE ("member_id"), CONSTRAINT "PK_e7fac59a51047bce9b46e70f3e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_recovery_codes" ADD CONSTRAINT "FK_72a358bf5ef25f5a6fc3915b67e" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_second_factors" ADD CONSTRAINT "FK_8115e5cbc22307b1de537856f6c" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_second_factors" DROP CONSTRAINT "FK_8115e5cbc22307b1de537856f6c"`);
    await queryRunner.query(`ALTER TABLE "member_recovery_codes" DROP CONSTRAINT "FK_72a358bf5ef25f5a6fc3915b67e"`);
    await queryRunner.query(`DROP TABLE "member_second_factors"`);
    await queryRunner.query(`DROP INDEX "public"."idx_member_recovery_codes_member"`);
    await queryRunner.query(`DROP TABLE "member_recovery_codes"`);
  }
}

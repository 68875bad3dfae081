import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on: the provider identities (issuer and subject) linked to members, in a table of their own. */
export class MemberIdentities1796710400000 implements MigrationInterface {
  name = 'MemberIdentities1796710400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_identities" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "member_id" uuid NOT NULL,
         "issuer" character varying(500) NOT NULL,
         "subject" character varying(255) NOT NULL,
         "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_member_identities" PRIMARY KEY ("id"),
         CONSTRAINT "FK_member_identities_member" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_member_identities_issuer_subject" ON "member_identities" ("issuer", "subject")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_member_identities_member" ON "member_identities" ("member_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "member_identities"`);
  }
}

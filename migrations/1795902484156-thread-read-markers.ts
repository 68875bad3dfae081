import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreadReadMarkers1795902484156 implements MigrationInterface {
  name = 'ThreadReadMarkers1795902484156';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "thread_read_markers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "thread_root_id" uuid NOT NULL, "room_id" uuid NOT NULL, "last_read_seq" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7ebea1f9bde098d4eafa851bff3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_thread_read_markers_member_root" ON "thread_read_markers"  ("member_id", "thread_root_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_thread_read_markers_member_root"`);
    await queryRunner.query(`DROP TABLE "thread_read_markers"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Discussions1795899359545 implements MigrationInterface {
  name = 'Discussions1795899359545';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rooms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "name" character varying(200), "topic" character varying(1000), "visibility" character varying(16) NOT NULL DEFAULT 'private', "working_group_id" uuid, "meeting_id" uuid, "archived" boolean NOT NULL DEFAULT false, "last_seq" bigint NOT NULL DEFAULT '0', "last_message_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0368a2d7c215f2d0458a54933f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_34265d9a09d36336700c432e0a" ON "rooms"  ("working_group_id") WHERE "working_group_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_rooms_last_message_at" ON "rooms"  ("last_message_at") `);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "seq" bigint NOT NULL, "client_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "thread_root_id" uuid, "reply_count" integer NOT NULL DEFAULT '0', "last_reply_at" TIMESTAMP WITH TIME ZONE, "mention_ids" uuid array NOT NULL DEFAULT '{}', "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_messages_thread" ON "messages"  ("thread_root_id", "seq") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_messages_room_author_client" ON "messages"  ("room_id", "author_id", "client_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_messages_room_seq" ON "messages"  ("room_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "message_reactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid NOT NULL, "member_id" uuid NOT NULL, "emoji" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_654a9f0059ff93a8f156be66a5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_message_reactions" ON "message_reactions"  ("message_id", "member_id", "emoji") `,
    );
    await queryRunner.query(
      `CREATE TABLE "room_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "member_id" uuid NOT NULL, "moderator" boolean NOT NULL DEFAULT false, "last_read_seq" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4493fab0433f741b7cf842e6038" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_19b9871aa27cb2a7b0a26c41e6" ON "room_members"  ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_room_members_room_member" ON "room_members"  ("room_id", "member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_1dda4fc8dbeeff2ee71f0088ba0" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_05535bc695e9f7ee104616459d3" FOREIGN KEY ("author_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_reactions" ADD CONSTRAINT "FK_ce61e365d81a9dfc15cd36513b0" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "room_members" ADD CONSTRAINT "FK_e6cf45f179a524427ddf8bacd8e" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "room_members" ADD CONSTRAINT "FK_19b9871aa27cb2a7b0a26c41e65" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Every working group that already exists gets its room, with its active members (leads moderate).
    await queryRunner.query(
      `INSERT INTO "rooms" ("kind", "name", "visibility", "working_group_id", "created_by_id")
       SELECT 'group', g."name", 'private', g."id", g."created_by_id" FROM "working_groups" g`,
    );
    await queryRunner.query(
      `INSERT INTO "room_members" ("room_id", "member_id", "moderator")
       SELECT r."id", gm."member_id", gm."role" = 'lead'
         FROM "working_group_members" gm JOIN "rooms" r ON r."working_group_id" = gm."working_group_id"
        WHERE gm."status" = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "room_members" DROP CONSTRAINT "FK_19b9871aa27cb2a7b0a26c41e65"`);
    await queryRunner.query(`ALTER TABLE "room_members" DROP CONSTRAINT "FK_e6cf45f179a524427ddf8bacd8e"`);
    await queryRunner.query(`ALTER TABLE "message_reactions" DROP CONSTRAINT "FK_ce61e365d81a9dfc15cd36513b0"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_05535bc695e9f7ee104616459d3"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_1dda4fc8dbeeff2ee71f0088ba0"`);
    await queryRunner.query(`DROP INDEX "public"."uq_room_members_room_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19b9871aa27cb2a7b0a26c41e6"`);
    await queryRunner.query(`DROP TABLE "room_members"`);
    await queryRunner.query(`DROP INDEX "public"."uq_message_reactions"`);
    await queryRunner.query(`DROP TABLE "message_reactions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_messages_room_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_messages_room_author_client"`);
    await queryRunner.query(`DROP INDEX "public"."idx_messages_thread"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rooms_last_message_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34265d9a09d36336700c432e0a"`);
    await queryRunner.query(`DROP TABLE "rooms"`);
  }
}

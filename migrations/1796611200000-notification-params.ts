import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications keep their kind and parameters, not an English sentence: readers' clients say it in their own
 * language. Existing rows get the names their sentence needs, read back from the sentence they stored (the names as
 * they were then) and, for ids, from the rows they point to; then the sentence column goes. `down()` composes the
 * English sentences again from the parameters.
 */
export class NotificationParams1796611200000 implements MigrationInterface {
  name = 'NotificationParams1796611200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Keys a row already has win over the derived ones (`derived || data`).
    await queryRunner.query(
      `UPDATE "notifications" n SET "data" = jsonb_strip_nulls(jsonb_build_object(
         'meetingTitle', regexp_replace(n."title", '^(You are invited|Meeting changed|Meeting cancelled): ', ''),
         'groupName', (SELECT g."name" FROM "working_groups" g WHERE g."id"::text = n."data"->>'workingGroupId')
       )) || n."data"
       WHERE n."type" IN ('meeting_invited', 'meeting_updated', 'meeting_cancelled')`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "data" = jsonb_strip_nulls(jsonb_build_object(
         'meetingTitle', regexp_replace(n."title", ' starts (in 24 hours|in 1 hour|soon)$', ''),
         'groupName', (SELECT g."name" FROM "working_groups" g WHERE g."id"::text = n."data"->>'workingGroupId')
       )) || n."data"
       WHERE n."type" = 'meeting_reminder'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "data" = jsonb_strip_nulls(jsonb_build_object(
         'groupName', regexp_replace(n."title", '^A member asks to join ', ''),
         'memberName', (SELECT m."display_name" FROM "members" m WHERE m."id"::text = n."data"->>'memberId')
       )) || n."data"
       WHERE n."type" = 'group_join_requested'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "data" = jsonb_build_object(
         'groupName', regexp_replace(n."title", '^You are now a member of ', '')
       ) || n."data"
       WHERE n."type" = 'group_joined'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "data" = jsonb_strip_nulls(jsonb_build_object(
         'actorName', regexp_replace(n."title", ' mentioned you$', ''),
         'actorId', (SELECT msg."author_id"::text FROM "messages" msg WHERE msg."id"::text = n."data"->>'messageId')
       )) || n."data"
       WHERE n."type" = 'message_mention'`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "title"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "title" character varying(300)`);
    await queryRunner.query(
      `UPDATE "notifications" SET "title" = left(CASE "type"
         WHEN 'meeting_invited' THEN 'You are invited: ' || coalesce("data"->>'meetingTitle', '')
         WHEN 'meeting_updated' THEN 'Meeting changed: ' || coalesce("data"->>'meetingTitle', '')
         WHEN 'meeting_cancelled' THEN 'Meeting cancelled: ' || coalesce("data"->>'meetingTitle', '')
         WHEN 'meeting_minutes' THEN 'Minutes of ' || coalesce("data"->>'meetingTitle', '')
         WHEN 'meeting_reminder' THEN coalesce("data"->>'meetingTitle', '') || ' starts ' || CASE "data"->>'reminder'
           WHEN '24h' THEN 'in 24 hours' WHEN '1h' THEN 'in 1 hour' ELSE 'soon' END
         WHEN 'group_join_requested' THEN 'A member asks to join ' || coalesce("data"->>'groupName', '')
         WHEN 'group_joined' THEN 'You are now a member of ' || coalesce("data"->>'groupName', '')
         WHEN 'message_mention' THEN coalesce("data"->>'actorName', 'Someone') || ' mentioned you'
         ELSE "type" END, 300)`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "title" SET NOT NULL`);
  }
}

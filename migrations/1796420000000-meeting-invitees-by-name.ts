import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitees invited by name keep seeing a private group's meeting; those invited as group members see it only while
 * they are members. Earlier rows cannot tell the two apart, so they start as group invitations (access is closed
 * rather than left open).
 */
export class MeetingInviteesByName1796420000000 implements MigrationInterface {
  name = 'MeetingInviteesByName1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_invitees" ADD "by_name" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_invitees" DROP COLUMN "by_name"`);
  }
}

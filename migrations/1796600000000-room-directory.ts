import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The room directory and per-room notification levels: rooms keep their name and topic folded for search in any
 * script (computed in the application, as for members, because the database's `lower()` depends on its
 * collation; the same folding as `fold` in common/search), and each room member chooses what they hear of a room.
 */
export class RoomDirectory1796600000000 implements MigrationInterface {
  name = 'RoomDirectory1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rooms" ADD "search_text" text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "room_members" ADD "notify_level" character varying(16) NOT NULL DEFAULT 'all'`,
    );
    const rooms = (await queryRunner.query(`SELECT id, name, topic FROM rooms WHERE kind = 'topic'`)) as {
      id: string;
      name: string | null;
      topic: string | null;
    }[];
    for (const room of rooms) {
      await queryRunner.query(`UPDATE rooms SET search_text = $2 WHERE id = $1`, [
        room.id,
        [room.name, room.topic].filter(Boolean).join(' \u241f ').normalize('NFKC').toLocaleLowerCase('und'),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "room_members" DROP COLUMN "notify_level"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP COLUMN "search_text"`);
  }
}

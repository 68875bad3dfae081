import { RoomKind, RoomVisibility } from '@lcc/contracts';
import { type SqlWho, whoIsMemberRow } from '../../common/sql/sql-params.js';
import { meetingVisibleSql } from '../meetings/meeting-access.js';
import { groupInsiderSql } from '../working-groups/group-access.js';

/**
 * Who may read and write in a room — the one rule that REST, `room.join` and every socket event, room lists and
 * message search ask. A public topic room is open to every active member. Otherwise the member must be in the
 * room (`membership`: an alias of their `room_members` row, left-joined) and the room's reason to exist must still
 * let them in: a group room follows its group, a meeting room its meeting. Being in `room_members` alone is not
 * enough, so access ends with the membership that granted it even before the rows are tidied away.
 */
export function roomAccessSql(room: string, membership: string, who: SqlWho): string {
  return `((${room}.kind = '${RoomKind.Topic}' AND ${room}.visibility = '${RoomVisibility.Public}')
    OR (${membership}.id IS NOT NULL AND CASE ${room}.kind
      WHEN '${RoomKind.Group}' THEN ${groupInsiderSql(`${room}.working_group_id`, who)}
      WHEN '${RoomKind.Meeting}' THEN EXISTS (SELECT 1 FROM meetings m_room
        WHERE m_room.id = ${room}.meeting_id AND ${meetingVisibleSql('m_room', who)})
      ELSE TRUE END))`;
}

/**
 * The same rule for a room named by an SQL expression (`roomId`): whether `who` reads it. Documents ask it for the
 * files sent to a room (visibility `room`), so such a file is open to exactly the room's readers.
 */
export function roomReadableSql(roomId: string, who: SqlWho): string {
  return `EXISTS (SELECT 1 FROM rooms r_read
      LEFT JOIN room_members rm_read ON rm_read.room_id = r_read.id AND rm_read.member_id = ${who.id}
     WHERE r_read.id = ${roomId} AND ${roomAccessSql('r_read', 'rm_read', who)})`;
}

/**
 * The same rule for a member named by an SQL expression (`memberId`) in a room named by one (`roomId`), who must
 * also be in the room: for the statements that insert messages, so a send is refused in the same statement that
 * would write it.
 */
export function mayPostSql(roomId: string, memberId: string): string {
  return `EXISTS (SELECT 1 FROM rooms r_post
      JOIN room_members rm_post ON rm_post.room_id = r_post.id AND rm_post.member_id = ${memberId}
      JOIN members who_post ON who_post.id = rm_post.member_id
     WHERE r_post.id = ${roomId} AND ${roomAccessSql('r_post', 'rm_post', whoIsMemberRow('who_post'))})`;
}

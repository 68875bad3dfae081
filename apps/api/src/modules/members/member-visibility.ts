import { DirectoryVisibility, MemberStatus } from '@lcc/contracts';
import type { SqlWho } from '../../common/sql/sql-params.js';
import { groupMemberSql } from '../../common/sql/group-member-sql.js';

/**
 * Who finds a member — the one rule the directory, a profile page, the header search and the people pickers ask
 * (the mention list of a room shows the room's own members, who see each other's messages anyway). A member
 * chooses `network` (every active member), `groups` (active members who share an active membership of a working
 * group with them) or `hidden` (nobody). The member always finds themself; network staff (coordinators and admins)
 * find everyone, since they approve, suspend and support accounts. Names on messages and documents are not asked:
 * what someone wrote stays signed.
 *
 * `m` is an alias of a `members` row; the member's status is asked separately (staff also list pending ones).
 */
export function memberVisibleSql(m: string, who: SqlWho): string {
  const member: SqlWho = { id: `${m}.id`, staff: 'FALSE' };
  return `(${who.staff} OR ${m}.id = ${who.id} OR ${m}.directory_visibility = '${DirectoryVisibility.Network}'
    OR (${m}.directory_visibility = '${DirectoryVisibility.Groups}' AND EXISTS (SELECT 1 FROM working_groups g_shared
      WHERE ${groupMemberSql('g_shared.id', member)} AND ${groupMemberSql('g_shared.id', who)})))`;
}

/** The profile of `m` may be opened: active and visible, or the viewer is staff or the member themself. */
export function profileVisibleSql(m: string, who: SqlWho): string {
  return `(${who.staff} OR ${m}.id = ${who.id} OR (${m}.status = '${MemberStatus.Active}' AND ${memberVisibleSql(m, who)}))`;
}

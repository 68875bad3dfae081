import { GroupMembershipStatus, GroupVisibility } from '@lcc/contracts';
import { groupMemberSql } from '../../common/sql/group-member-sql.js';
import type { SqlWho } from '../../common/sql/sql-params.js';

/**
 * The working-group rules, as SQL that other features' rules compose (documents, meetings, rooms), so that a list,
 * a search, a feed and a single read all ask the same question and a change of membership or of a group's
 * visibility changes every answer at once. `groupReach` is the same rule for one group already read.
 *
 * The three kinds: a `public` group is open to every active member; a `private` one is listed to every active member
 * (name, description, count) and its insides are its members'; a `hidden` one is known to its members only —
 * outsiders find it in no list and its page and content answer 404, as if it did not exist. Network staff
 * (coordinators, admins) see every group, inside and out.
 */

/** What a viewer may know of one group: its insides, its listing only, or nothing (404). */
export type GroupReach = 'inside' | 'listed' | 'none';

export function groupReach(
  visibility: GroupVisibility,
  membership: GroupMembershipStatus | null,
  staff: boolean,
): GroupReach {
  if (staff || membership === GroupMembershipStatus.Active || visibility === GroupVisibility.Public) return 'inside';
  // A request made while the group was private keeps it in its requester's sight when it is hidden later.
  if (visibility === GroupVisibility.Private || membership === GroupMembershipStatus.Pending) return 'listed';
  return 'none';
}

/** `who` is an active member of the group `groupId` (defined in common/sql, beside the directory's use of it). */
export { groupMemberSql };

/** The ids (`member_id`) of the group `groupId`'s active members: the audience of what is addressed to a group. */
export function groupMemberIdsSql(groupId: string): string {
  return `SELECT gm_ids.member_id FROM working_group_members gm_ids
    WHERE gm_ids.working_group_id = ${groupId} AND gm_ids.status = '${GroupMembershipStatus.Active}'`;
}

/** The group `groupId` is public (everything in it is open to every active member; private and hidden are not). */
export function groupIsPublicSql(groupId: string): string {
  return `EXISTS (SELECT 1 FROM working_groups g_rule
    WHERE g_rule.id = ${groupId} AND g_rule.visibility = '${GroupVisibility.Public}')`;
}

/**
 * `who` may see what is inside the group: network staff, anyone in a public group, an active member of a private
 * or hidden one. (The actor of a request is always an active member: others have no session.)
 */
export function groupInsiderSql(groupId: string, who: SqlWho): string {
  return `(${who.staff} OR ${groupIsPublicSql(groupId)} OR ${groupMemberSql(groupId, who)})`;
}

/**
 * `who` may find the group (alias `g`, a `working_groups` row) in lists: `groupReach` is not `none`. Any membership
 * row (active or pending) counts, as it does there.
 */
export function groupListedSql(g: string, who: SqlWho): string {
  return `(${who.staff} OR ${g}.visibility <> '${GroupVisibility.Hidden}' OR EXISTS (SELECT 1
    FROM working_group_members gl_rule WHERE gl_rule.working_group_id = ${g}.id AND gl_rule.member_id = ${who.id}))`;
}

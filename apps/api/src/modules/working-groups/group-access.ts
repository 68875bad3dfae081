import { GroupMembershipStatus, GroupVisibility } from '@lcc/contracts';
import type { SqlWho } from '../../common/sql/sql-params.js';

/**
 * The working-group rules, as SQL that other features' rules compose (documents, meetings, rooms), so that a list,
 * a search, a feed and a single read all ask the same question and a change of membership or of a group's
 * visibility changes every answer at once.
 */

/** `who` is an active member of the group `groupId` (an SQL expression). */
export function groupMemberSql(groupId: string, who: SqlWho): string {
  return `EXISTS (SELECT 1 FROM working_group_members gm_rule
    WHERE gm_rule.working_group_id = ${groupId} AND gm_rule.member_id = ${who.id}
      AND gm_rule.status = '${GroupMembershipStatus.Active}')`;
}

/** The group `groupId` is public (everything in it is open to every active member). */
export function groupIsPublicSql(groupId: string): string {
  return `EXISTS (SELECT 1 FROM working_groups g_rule
    WHERE g_rule.id = ${groupId} AND g_rule.visibility = '${GroupVisibility.Public}')`;
}

/**
 * `who` may see what is inside the group: network staff, anyone in a public group, an active member of a private
 * one. (The actor of a request is always an active member: others have no session.)
 */
export function groupInsiderSql(groupId: string, who: SqlWho): string {
  return `(${who.staff} OR ${groupIsPublicSql(groupId)} OR ${groupMemberSql(groupId, who)})`;
}

import { GroupMembershipStatus } from '@lcc/contracts';
import type { SqlWho } from './sql-params.js';

/**
 * `who` is an active member of the group `groupId` (an SQL expression). The one definition of group membership
 * that every rule asks; working-groups/group-access.ts publishes it with the other group rules. It lives here, not
 * there, because the members feature's directory rule asks it too and working-groups already depends on members.
 */
export function groupMemberSql(groupId: string, who: SqlWho): string {
  return `EXISTS (SELECT 1 FROM working_group_members gm_rule
    WHERE gm_rule.working_group_id = ${groupId} AND gm_rule.member_id = ${who.id}
      AND gm_rule.status = '${GroupMembershipStatus.Active}')`;
}

import type { SqlWho } from '../../common/sql/sql-params.js';
import { groupInsiderSql } from '../working-groups/group-access.js';

/**
 * Who may see a meeting — the one rule that the meeting's page, its `.ics`, the calendar feed, its room, its events
 * and its notifications all ask: whoever may see inside its group (staff, anyone for a public group, active members
 * of a private one), and whoever was invited to it by name. An invitation that came with the group membership ends
 * with it. `meeting` is an alias of `meetings`.
 */
export function meetingVisibleSql(meeting: string, who: SqlWho): string {
  return `(${groupInsiderSql(`${meeting}.working_group_id`, who)} OR EXISTS (SELECT 1 FROM meeting_invitees mi_rule
    WHERE mi_rule.meeting_id = ${meeting}.id AND mi_rule.member_id = ${who.id} AND mi_rule.by_name))`;
}

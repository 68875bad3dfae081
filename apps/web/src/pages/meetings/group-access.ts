import {
  GroupMembershipStatus,
  GroupRole,
  NetworkRole,
  type GroupMemberResponse,
  type Page,
  type WorkingGroupResponse,
} from '@lcc/contracts';
import { useMember } from '../../api/session';
import { useApi, type Loaded } from '../../ui/use-api';

/** Network staff and the group's leads schedule meetings, open polls and close them. */
export function useGroupAccess(groupId: string | undefined) {
  const member = useMember();
  const group = useApi<WorkingGroupResponse>(groupId ? `/working-groups/${groupId}` : null);
  const staff = member.role === NetworkRole.Admin || member.role === NetworkRole.Coordinator;
  const lead =
    group.data?.myMembership?.status === GroupMembershipStatus.Active &&
    group.data.myMembership.role === GroupRole.Lead;
  return { group, canManage: staff || lead };
}

/** The group's active members (at most the first 100: the size of a working group, not of the network). */
export function useGroupMembers(groupId: string | undefined): Loaded<Page<GroupMemberResponse>> {
  return useApi<Page<GroupMemberResponse>>(groupId ? `/working-groups/${groupId}/members?limit=100` : null);
}

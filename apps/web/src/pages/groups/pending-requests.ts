import { useCallback, useState } from 'react';
import { useSocketEvent } from '../../api/realtime';

/**
 * The waiting join requests of groups, as the server last announced them (`group.requests.updated` reaches those
 * who decide: the group's leads, coordinators, admins). `count(id, loaded)` prefers the live figure to the loaded one.
 */
export function useLivePendingCounts(onChange?: (workingGroupId: string) => void) {
  const [live, setLive] = useState<Record<string, number>>({});
  const heard = useCallback(
    ({ workingGroupId, pendingCount }: { workingGroupId: string; pendingCount: number }) => {
      setLive((current) => ({ ...current, [workingGroupId]: pendingCount }));
      onChange?.(workingGroupId);
    },
    [onChange],
  );
  useSocketEvent('group.requests.updated', heard);
  return useCallback((workingGroupId: string, loaded: number | null) => live[workingGroupId] ?? loaded, [live]);
}

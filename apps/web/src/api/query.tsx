import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { MemberResponse, NotificationResponse, Page, RoomResponse } from '@lcc/contracts';
import { api, type ApiError } from './client';
import { PENDING, createQueryClient, invalidatePaths, keepOnlyViewer, updateLists, type Viewer } from './query-cache';
import { useRealtime, useSocketEvent } from './realtime';
import { useSession } from './session';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** The viewer the queries of this tab run as; queries wait while it is `pending`. */
export function useViewer(): { viewer: Viewer; ready: boolean } {
  const { state } = useSession();
  if (state.status === 'loading') return { viewer: PENDING, ready: false };
  return { viewer: state.member?.id ?? 'anonymous', ready: true };
}

/** What the home page shows; a notification is usually about one of these. */
const HOME = ['/notifications', '/working-groups', '/meetings', '/rooms', '/documents'];

/** Socket events turned into cache changes, in one place. */
function LiveQueries({ client }: { client: QueryClient }) {
  const { state, updateMember } = useSession();
  const me = state.member?.id;
  useSocketEvent(
    'notification.created',
    useCallback(
      (notification: NotificationResponse) => {
        // The bell counts at once; the lists refetch.
        updateLists<Page<NotificationResponse>>(client, '/notifications', (page) =>
          page.items.some((item) => item.id === notification.id)
            ? page
            : { ...page, items: [notification, ...page.items] },
        );
        void invalidatePaths(client, HOME);
      },
      [client],
    ),
  );
  useSocketEvent(
    'meeting.updated',
    useCallback(
      (payload: { meetingId: string; workingGroupId: string }) =>
        void invalidatePaths(client, ['/meetings', `/working-groups/${payload.workingGroupId}`]),
      [client],
    ),
  );
  useSocketEvent(
    'poll.updated',
    useCallback(
      (payload: { pollId: string; workingGroupId: string }) =>
        void invalidatePaths(client, [
          `/polls/${payload.pollId}`,
          '/polls',
          `/working-groups/${payload.workingGroupId}/polls`,
        ]),
      [client],
    ),
  );
  useSocketEvent(
    'document.updated',
    useCallback(
      // A version added or read: the document's page (details, versions, text) and the lists that show it.
      (payload: { documentId: string }) =>
        void invalidatePaths(client, [`/documents/${payload.documentId}`, '/documents']),
      [client],
    ),
  );
  useSocketEvent(
    'group.requests.updated',
    useCallback(
      // For those who decide on requests: the group's count, the lists that show it and the list of requests.
      (payload: { workingGroupId: string }) => {
        void invalidatePaths(client, ['/working-groups'], true);
        void invalidatePaths(client, [`/working-groups/${payload.workingGroupId}`]);
      },
      [client],
    ),
  );
  useSocketEvent(
    'member.changed',
    // Approvals and suspensions change the directory; registrations and rejections the staff's lists and count.
    // A change to the reader's own role also changes what the header offers (the administration link).
    useCallback(
      (payload: { memberId: string }) => {
        void invalidatePaths(client, ['/members']);
        if (payload.memberId === me) {
          void api<MemberResponse>('/members/me').then(updateMember, () => undefined);
        }
      },
      [client, me, updateMember],
    ),
  );
  useSocketEvent(
    'unread.updated',
    useCallback(
      (payload: { roomId: string; unreadCount: number; threadRootId?: string }) => {
        if (payload.threadRootId) return;
        // The event carries the new count: patch the cached room lists rather than refetch them on every read.
        updateLists<Page<RoomResponse>>(client, '/rooms', (page) => ({
          ...page,
          items: page.items.map((room) =>
            room.id === payload.roomId
              ? { ...room, unreadCount: payload.unreadCount, mentionCount: payload.unreadCount ? room.mentionCount : 0 }
              : room,
          ),
        }));
      },
      [client],
    ),
  );

  // Events sent while the socket was down are lost: after a reconnection everything on screen refetches.
  const { connection } = useRealtime();
  const wasLost = useRef(false);
  useEffect(() => {
    if (connection === 'reconnecting') wasLost.current = true;
    else if (connection === 'connected' && wasLost.current) {
      wasLost.current = false;
      client.removeQueries({ type: 'inactive' });
      void client.invalidateQueries({ refetchType: 'active' });
    }
  }, [connection, client]);
  return null;
}

/**
 * The query cache of the tab. Keys carry the viewer, and the whole cache is dropped whenever the viewer changes
 * (sign-out, sign-in as someone else), so nobody is ever shown what the previous member could see.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const { viewer } = useViewer();
  const previous = useRef(viewer);
  useEffect(() => {
    if (previous.current === viewer) return;
    previous.current = viewer;
    keepOnlyViewer(client, viewer);
  }, [viewer, client]);
  return (
    <QueryClientProvider client={client}>
      <LiveQueries client={client} />
      {children}
    </QueryClientProvider>
  );
}

/** `invalidatePaths` bound to the tab's cache, for changes made outside `useApiMutation` (an upload, a socket ack). */
export function useInvalidate(): (resources: string[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback((resources: string[]) => invalidatePaths(client, resources), [client]);
}

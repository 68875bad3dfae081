import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient, type Query } from '@tanstack/react-query';
import type { NotificationResponse, Page, RoomResponse } from '@lcc/contracts';
import { ApiError } from './client';
import { useRealtime, useSocketEvent } from './realtime';
import { useSession } from './session';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Whose data a query holds: a member id, `anonymous`, or `pending` while the session is being restored. */
export type Viewer = string;
const PENDING: Viewer = 'pending';

/** Every GET is keyed by viewer and path (query string included): `['api', viewer, path]`. */
export type ApiKey = readonly ['api', Viewer, string, ...string[]];

export function apiKey(viewer: Viewer, path: string, ...rest: string[]): ApiKey {
  return ['api', viewer, path, ...rest];
}

/** A failure as the contract's error, a network failure included (`FormError` and `ErrorNotice` read it). */
export function toApiError(failure: unknown): ApiError {
  return failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK_ERROR', String(failure));
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A 404 or 403 is an answer, not a glitch: show it at once. Sockets say when data changed, so no refetch on
      // focus; a page opened again shows what it had and refreshes behind it.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

/** The viewer the queries of this tab run as; queries wait while it is `pending`. */
export function useViewer(): { viewer: Viewer; ready: boolean } {
  const { state } = useSession();
  if (state.status === 'loading') return { viewer: PENDING, ready: false };
  return { viewer: state.member?.id ?? 'anonymous', ready: true };
}

/** Whether `path` is `resource` itself, a filtered list of it (`?…`) or, unless `listOnly`, under it (`/…`). */
export function pathMatches(path: string, resource: string, listOnly = false): boolean {
  if (path === resource || path.startsWith(`${resource}?`)) return true;
  return !listOnly && path.startsWith(`${resource}/`);
}

function queryPath(query: Query): string | undefined {
  const [scope, , path] = query.queryKey;
  return scope === 'api' && typeof path === 'string' ? path : undefined;
}

/**
 * After a change to the given resources: queries on screen refetch, and those off screen are dropped, so a page
 * opened next starts from the server's state instead of flashing the old one.
 */
export function invalidatePaths(client: QueryClient, resources: string[], listOnly = false): Promise<void> {
  const predicate = (query: Query) => {
    const path = queryPath(query);
    return path !== undefined && resources.some((resource) => pathMatches(path, resource, listOnly));
  };
  client.removeQueries({ predicate, type: 'inactive' });
  return client.invalidateQueries({ predicate, refetchType: 'active' });
}

/** Rewrites the cached data of every list of `resource` in place (for events that carry the new state). */
export function updateLists<T>(client: QueryClient, resource: string, update: (data: T) => T): void {
  client.setQueriesData<T>(
    {
      predicate: (query) => {
        const path = queryPath(query);
        return path !== undefined && pathMatches(path, resource, true);
      },
    },
    (data) => (data === undefined ? data : update(data)),
  );
}

/** What the home page shows; a notification is usually about one of these. */
const HOME = ['/notifications', '/working-groups', '/meetings', '/rooms', '/documents'];

/** Socket events turned into cache changes, in one place. */
function LiveQueries({ client }: { client: QueryClient }) {
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
    // Only the new viewer's queries (possibly already under way) stay.
    client.removeQueries({ predicate: (query) => query.queryKey[1] !== viewer });
    client.getMutationCache().clear();
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

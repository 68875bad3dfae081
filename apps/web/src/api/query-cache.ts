import { QueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * The pure half of the query layer: how keys are built, which keys a changed resource reaches, and how a change of
 * viewer empties the cache. No React here, so it can be tested against a bare `QueryClient`.
 */

/** Whose data a query holds: a member id, `anonymous`, or `pending` while the session is being restored. */
export type Viewer = string;
export const PENDING: Viewer = 'pending';

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

/**
 * After a change of viewer (sign-out, sign-in as someone else): every query of another viewer and every mutation
 * go; only the new viewer's queries (possibly already under way) stay.
 */
export function keepOnlyViewer(client: QueryClient, viewer: Viewer): void {
  client.removeQueries({ predicate: (query) => query.queryKey[1] !== viewer });
  client.getMutationCache().clear();
}

import { useCallback, useMemo, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@lcc/contracts';
import { ApiError, api, withQuery } from '../api/client';
import { useViewer } from '../api/query';
import { apiKey, invalidatePaths, toApiError } from '../api/query-cache';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  /** Replaces the cached data after a change the page made itself (or an event that carries the new state). */
  set(data: T | ((current: T | undefined) => T | undefined)): void;
}

type Query = Parameters<typeof withQuery>[1];

async function get<T>(path: string, signal: AbortSignal): Promise<T> {
  try {
    return await api<T>(path, { signal });
  } catch (failure) {
    throw toApiError(failure);
  }
}

/** While a new path loads, the previous result of the same viewer stays on screen (as filters change). */
function sameViewer<D>(viewer: string, previous: D | undefined, query: { queryKey: QueryKey } | undefined) {
  return query?.queryKey[1] === viewer ? previous : undefined;
}

/**
 * GETs a path through the tab's query cache, keyed by viewer and path (a `null` path waits, as do all queries
 * until the session is known). Errors are kept, not thrown.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const client = useQueryClient();
  const { viewer, ready } = useViewer();
  const queryKey = apiKey(viewer, path ?? '');
  const query = useQuery<T, ApiError>({
    queryKey,
    queryFn: ({ signal }) => get<T>(path ?? '', signal),
    enabled: ready && path !== null,
    placeholderData: (previous, previousQuery) => sameViewer(viewer, previous, previousQuery),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const key = JSON.stringify(queryKey);
  const set = useCallback(
    (data: T | ((current: T | undefined) => T | undefined)) =>
      client.setQueryData<T>(JSON.parse(key) as QueryKey, data),
    [client, key],
  );
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, reload, set };
}

/** A page of a keyset list: `items` by default, or whatever `items` picks from it (see `usePages`). */
type AnyPage = { nextCursor: string | null };

export interface Pages<T, P extends AnyPage = Page<T>> {
  /** Every item loaded so far, pages in order; `undefined` until the first page arrives. */
  data: T[] | undefined;
  /** The first page as the API sent it (with whatever it carries besides items, such as facets). */
  first: P | undefined;
  /** True while the previous list stays on screen for a new one that is loading. */
  previous: boolean;
  error: ApiError | undefined;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A keyset list: the first page of `path` with `query`, then "load more" along `nextCursor`. With `keepPrevious`
 * (the default) the previous list stays on screen while a new filter loads; without, it shows as loading. A page
 * that holds its items elsewhere than `items` (one kind of a search) names them with `items`.
 */
export function usePages<T, P extends AnyPage = Page<T>>(
  path: string | null,
  query: Query = {},
  {
    keepPrevious = true,
    more = {} as Query,
    items = (page: P) => (page as unknown as Page<T>).items,
  }: { keepPrevious?: boolean; more?: Query; items?: (page: P) => T[] } = {},
): Pages<T, P> {
  const { viewer, ready } = useViewer();
  const first = path === null ? '' : withQuery(path, query);
  const pages = useInfiniteQuery({
    queryKey: apiKey(viewer, first, 'pages'),
    queryFn: ({ pageParam, signal }) =>
      get<P>(pageParam ? withQuery(path ?? '', { ...query, ...more, cursor: pageParam }) : first, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: ready && path !== null,
    placeholderData: (previous, previousQuery) =>
      keepPrevious ? sameViewer(viewer, previous, previousQuery) : undefined,
  });
  const { fetchNextPage, hasNextPage, isFetchingNextPage, refetch } = pages;
  // `items` is read once per page list, not a dependency: callers pass it inline.
  const pick = useRef(items);
  pick.current = items;
  const data = useMemo(() => pages.data?.pages.flatMap((page) => pick.current(page)), [pages.data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data,
    first: pages.data?.pages[0],
    previous: pages.isPlaceholderData,
    error: pages.error ?? undefined,
    loading: pages.isFetching,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore,
    reload,
  };
}

/** Every page of a keyset list (at most `maxPages`) as one array, for views that must show a whole range. */
export function useAllPages<T>(path: string | null, query: Query = {}, maxPages = 10): Loaded<T[]> {
  const client = useQueryClient();
  const { viewer, ready } = useViewer();
  const queryKey = apiKey(viewer, path === null ? '' : withQuery(path, query), 'all');
  const all = useQuery<T[], ApiError>({
    queryKey,
    queryFn: async ({ signal }) => {
      const items: T[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < maxPages; page += 1) {
        const result: Page<T> = await get<Page<T>>(withQuery(path ?? '', { ...query, cursor }), signal);
        items.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
    enabled: ready && path !== null,
    placeholderData: (previous, previousQuery) => sameViewer(viewer, previous, previousQuery),
  });
  const { refetch } = all;
  const reload = useCallback(() => void refetch(), [refetch]);
  const key = JSON.stringify(queryKey);
  const set = useCallback(
    (data: T[] | ((current: T[] | undefined) => T[] | undefined)) =>
      client.setQueryData<T[]>(JSON.parse(key) as QueryKey, data),
    [client, key],
  );
  return { data: all.data, error: all.error ?? undefined, loading: all.isFetching, reload, set };
}

export interface Submit<A extends unknown[], R> {
  /** Runs the change; resolves with its result, or `undefined` after a failure (then in `error`). */
  run(...args: A): Promise<R | undefined>;
  /** The result of the last successful run. */
  data: R | undefined;
  /** The failure as the contract's error, for `FormError` and `fieldError`. */
  error: ApiError | undefined;
  pending: boolean;
  reset(): void;
}

/**
 * Every change the portal makes goes through here: the action's failure becomes the contract's error shape (a
 * network failure included) for the form to show, and on success the named resources are refetched.
 */
export function useApiMutation<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: { invalidates?: string[]; onSuccess?: (result: R) => void } = {},
): Submit<A, R> {
  const client = useQueryClient();
  const mutation = useMutation<R, ApiError, A>({
    mutationFn: async (args) => {
      try {
        return await action(...args);
      } catch (failure) {
        throw toApiError(failure);
      }
    },
    onSuccess: async (result) => {
      if (options.invalidates?.length) await invalidatePaths(client, options.invalidates);
      options.onSuccess?.(result);
    },
  });
  const { mutateAsync, reset } = mutation;
  const run = useCallback((...args: A) => mutateAsync(args).catch(() => undefined), [mutateAsync]);
  return { run, data: mutation.data, error: mutation.error ?? undefined, pending: mutation.isPending, reset };
}

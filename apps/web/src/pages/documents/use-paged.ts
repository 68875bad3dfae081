import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@lcc/contracts';
import { ApiError, api } from '../../api/client';

interface Paged<T> {
  items: T[] | undefined;
  error: ApiError | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

/** A keyset list: the first page of `path` (a `null` path waits), then "load more" along `nextCursor`. */
export function usePaged<T>(path: string | null): Paged<T> {
  const [state, setState] = useState<{ path: string; items: T[]; cursor: string | null; error?: ApiError }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api<Page<T>>(path, { signal: controller.signal }).then(
      (page) => setState({ path, items: page.items, cursor: page.nextCursor }),
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        const error = failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK_ERROR', String(failure));
        setState({ path, items: [], cursor: null, error });
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const current = state && state.path === path ? state : undefined;
  const loadMore = useCallback(() => {
    if (!current?.cursor) return;
    setLoadingMore(true);
    const separator = current.path.includes('?') ? '&' : '?';
    api<Page<T>>(`${current.path}${separator}cursor=${encodeURIComponent(current.cursor)}`)
      .then(
        (page) =>
          setState((now) =>
            now?.path === current.path
              ? { ...now, items: [...now.items, ...page.items], cursor: page.nextCursor }
              : now,
          ),
        (failure: unknown) =>
          setState((now) =>
            now?.path === current.path && failure instanceof ApiError ? { ...now, error: failure } : now,
          ),
      )
      .finally(() => setLoadingMore(false));
  }, [current]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return {
    items: current?.error ? undefined : current?.items,
    error: current?.error,
    hasMore: Boolean(current?.cursor),
    loadingMore,
    loadMore,
    reload,
  };
}

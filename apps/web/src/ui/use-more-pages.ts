import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@lcc/contracts';
import { api, withQuery } from '../api/client';
import type { Loaded } from './use-api';

type Query = Parameters<typeof withQuery>[1];

/** Keyset paging on top of a first page: `loadMore` follows `nextCursor` and appends. */
export function useMorePages<T>(first: Loaded<Page<T>>, path: string, query: Query) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setItems(first.data?.items ?? []);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);

  const key = JSON.stringify(query);
  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoading(true);
    api<Page<T>>(withQuery(path, { ...(JSON.parse(key) as Query), cursor }))
      .then((page) => {
        setItems((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
      })
      .finally(() => setLoading(false));
  }, [cursor, path, key]);

  return { items, hasMore: cursor !== null, loading, loadMore };
}

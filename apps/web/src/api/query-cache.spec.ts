import { describe, expect, it } from '@jest/globals';
import { QueryObserver } from '@tanstack/react-query';
import { ApiError } from './client';
import {
  apiKey,
  createQueryClient,
  invalidatePaths,
  keepOnlyViewer,
  pathMatches,
  toApiError,
  updateLists,
} from './query-cache';

/** Caches a value under a key, as a finished query would. */
function seed(client: ReturnType<typeof createQueryClient>, viewer: string, path: string, data: unknown = path) {
  client.setQueryData(apiKey(viewer, path), data);
}

function cachedPaths(client: ReturnType<typeof createQueryClient>): string[] {
  return client
    .getQueryCache()
    .getAll()
    .map((query) => `${String(query.queryKey[1])} ${String(query.queryKey[2])}`)
    .sort();
}

describe('query keys', () => {
  it('key every GET by viewer and path, so two viewers never share an entry', () => {
    expect(apiKey('member-1', '/rooms?limit=100')).toEqual(['api', 'member-1', '/rooms?limit=100']);
    expect(apiKey('anonymous', '/cities', 'pages')).toEqual(['api', 'anonymous', '/cities', 'pages']);

    const client = createQueryClient();
    seed(client, 'member-1', '/working-groups', 'what member 1 may see');
    seed(client, 'member-2', '/working-groups', 'what member 2 may see');
    expect(client.getQueryData(apiKey('member-1', '/working-groups'))).toBe('what member 1 may see');
    expect(client.getQueryData(apiKey('member-2', '/working-groups'))).toBe('what member 2 may see');
    expect(client.getQueryData(apiKey('anonymous', '/working-groups'))).toBeUndefined();
  });
});

describe('a change of viewer', () => {
  it('drops every query and mutation of the previous viewer and keeps the new one', async () => {
    const client = createQueryClient();
    seed(client, 'member-1', '/notifications');
    seed(client, 'member-1', '/documents?limit=20');
    seed(client, 'pending', '/cities');
    seed(client, 'member-2', '/notifications');
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.resolve('done') })
      .execute(undefined);
    expect(client.getMutationCache().getAll()).toHaveLength(1);

    keepOnlyViewer(client, 'member-2');

    expect(cachedPaths(client)).toEqual(['member-2 /notifications']);
    expect(client.getMutationCache().getAll()).toHaveLength(0);
  });

  it('after sign-out leaves nothing a member could see', () => {
    const client = createQueryClient();
    seed(client, 'member-1', '/members/me');
    keepOnlyViewer(client, 'anonymous');
    expect(client.getQueryData(apiKey('member-1', '/members/me'))).toBeUndefined();
    expect(cachedPaths(client)).toEqual([]);
  });
});

describe('invalidation by path', () => {
  it('reaches the resource, its filtered lists and what lies under it, and nothing else', () => {
    expect(pathMatches('/meetings', '/meetings')).toBe(true);
    expect(pathMatches('/meetings?workingGroupId=g&limit=20', '/meetings')).toBe(true);
    expect(pathMatches('/meetings/m-1', '/meetings')).toBe(true);
    expect(pathMatches('/meetings/m-1/ics', '/meetings')).toBe(true);
    // A longer name is another resource, not a child.
    expect(pathMatches('/meetings-archive', '/meetings')).toBe(false);
    expect(pathMatches('/working-groups/g-1/meetings', '/meetings')).toBe(false);
    // Lists only: the resource and its filtered lists, not single items.
    expect(pathMatches('/rooms?limit=100', '/rooms', true)).toBe(true);
    expect(pathMatches('/rooms/r-1', '/rooms', true)).toBe(false);
  });

  it('drops matching queries nobody shows and leaves the others cached', async () => {
    const client = createQueryClient();
    seed(client, 'member-1', '/working-groups/g-1');
    seed(client, 'member-1', '/working-groups/g-1/members?limit=100');
    seed(client, 'member-1', '/working-groups?limit=30');
    seed(client, 'member-1', '/meetings?workingGroupId=g-1');
    seed(client, 'member-1', '/working-groups-archive');

    await invalidatePaths(client, ['/working-groups/g-1']);

    expect(cachedPaths(client)).toEqual([
      'member-1 /meetings?workingGroupId=g-1',
      'member-1 /working-groups-archive',
      'member-1 /working-groups?limit=30',
    ]);
  });

  it('reaches every viewer and every kind of key (single, pages, all pages)', async () => {
    const client = createQueryClient();
    client.setQueryData(apiKey('member-1', '/documents?limit=20', 'pages'), 'first pages');
    client.setQueryData(apiKey('member-1', '/documents?year=2026', 'all'), 'every page');
    client.setQueryData(apiKey('member-2', '/documents/d-1'), 'one document');
    seed(client, 'member-1', '/cities');

    await invalidatePaths(client, ['/documents']);

    expect(cachedPaths(client)).toEqual(['member-1 /cities']);
  });

  it('refetches a matching query on screen instead of dropping it', async () => {
    const client = createQueryClient();
    const key = apiKey('member-1', '/polls/p-1');
    let calls = 0;
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: () => Promise.resolve(`poll, fetch ${++calls}`),
    });
    const stop = observer.subscribe(() => undefined);
    await observer.refetch();
    expect(client.getQueryData(key)).toBe('poll, fetch 1');

    await invalidatePaths(client, ['/working-groups/g-1/polls', '/polls/p-1']);

    expect(client.getQueryData(key)).toBe('poll, fetch 2');
    stop();
  });

  it('rewrites cached lists in place, and only lists', () => {
    const client = createQueryClient();
    seed(client, 'member-1', '/rooms?limit=100', { items: [1, 2] });
    seed(client, 'member-1', '/rooms/r-1', { items: [1] });
    updateLists<{ items: number[] }>(client, '/rooms', (page) => ({ items: page.items.map((n) => n * 10) }));
    expect(client.getQueryData(apiKey('member-1', '/rooms?limit=100'))).toEqual({ items: [10, 20] });
    expect(client.getQueryData(apiKey('member-1', '/rooms/r-1'))).toEqual({ items: [1] });
  });
});

describe('errors', () => {
  it('keep the contract error and turn anything else into a network error', () => {
    const refused = new ApiError(403, 'FORBIDDEN', 'no');
    expect(toApiError(refused)).toBe(refused);
    const offline = toApiError(new TypeError('Failed to fetch'));
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline.status).toBe(0);
    expect(offline.code).toBe('NETWORK_ERROR');
  });
});

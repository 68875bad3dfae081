import { describe, expect, it } from '@jest/globals';
import { batchWhileBusy } from './batch-while-busy.js';

/** A load whose batches finish when the test says so, recording the keys of each. */
function controlledLoad() {
  const batches: string[][] = [];
  const finish: (() => void)[] = [];
  const load = (keys: readonly string[]) => {
    batches.push([...keys]);
    return new Promise<string[]>((resolve, reject) => {
      finish.push(() => (keys.includes('bad') ? reject(new Error('read failed')) : resolve(keys.map((k) => `v:${k}`))));
    });
  };
  return { batches, finish, load };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batchWhileBusy', () => {
  it('starts a lone read at once and sends the reads that arrive meanwhile together in the next batch', async () => {
    const { batches, finish, load } = controlledLoad();
    const loader = batchWhileBusy(load);
    const first = loader.load('a');
    await tick();
    expect(batches).toEqual([['a']]);
    const rest = [loader.load('b'), loader.load('c')];
    await tick();
    const later = loader.load('d');
    await tick();
    // Still one batch: b, c and d wait for a's.
    expect(batches).toEqual([['a']]);
    finish[0]!();
    await expect(first).resolves.toBe('v:a');
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    finish[1]!();
    await expect(Promise.all([...rest, later])).resolves.toEqual(['v:b', 'v:c', 'v:d']);
  });

  it('fails only the reads of a failed batch, caches nothing, and keeps serving', async () => {
    const { batches, finish, load } = controlledLoad();
    const loader = batchWhileBusy(load);
    const failed = loader.load('bad');
    await tick();
    finish[0]!();
    await expect(failed).rejects.toThrow('read failed');
    const again = [loader.load('a'), loader.load('a')];
    await tick();
    finish[1]!();
    await expect(Promise.all(again)).resolves.toEqual(['v:a', 'v:a']);
    // Asked twice, read twice: no answer is reused from a cache.
    expect(batches).toEqual([['bad'], ['a', 'a']]);
  });

  it('splits a storm into batches of at most the given size', async () => {
    const { batches, finish, load } = controlledLoad();
    const loader = batchWhileBusy(load, 2);
    const all = ['a', 'b', 'c'].map((k) => loader.load(k));
    await tick();
    expect(batches).toEqual([['a', 'b'], ['c']]);
    finish.forEach((f) => f());
    await expect(Promise.all(all)).resolves.toEqual(['v:a', 'v:b', 'v:c']);
  });
});

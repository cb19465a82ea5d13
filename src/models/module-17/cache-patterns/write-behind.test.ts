import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/clock';
import type { CacheStore, Database } from './patterns';
import { WriteBehindCache } from './write-behind';

function setup(maxBatchSize: number, maxDelayMs: number) {
  const clock = new ManualClock();
  const batches: string[][] = [];
  const db: Database<string> = {
    read: () => undefined,
    write: () => {
      throw new Error('not used');
    },
    writeBatch: (entries) => void batches.push(entries.map(([k, v]) => `${k}=${v}`)),
  };
  const map = new Map<string, string>();
  const store: CacheStore<string> = { get: (k) => map.get(k), set: (k, v) => void map.set(k, v), delete: (k) => map.delete(k), clear: () => map.clear() };
  return { clock, batches, cache: new WriteBehindCache({ store, db, clock, maxBatchSize, maxDelayMs }) };
}

describe('WriteBehindCache', () => {
  it('coalesces rewrites and flushes by count', () => {
    const { batches, cache } = setup(2, 1000);
    cache.set('a', '1');
    cache.set('a', '2');
    expect(batches).toEqual([]);
    cache.set('b', '1');
    expect(batches).toEqual([['a=2', 'b=1']]);
  });

  it('flushes by age from the first unflushed write, and a crash loses exactly the pending writes', () => {
    const { clock, batches, cache } = setup(100, 1000);
    cache.set('a', '1');
    clock.set(600);
    cache.set('a', '2');
    clock.set(1000);
    cache.tick();
    expect(batches).toEqual([['a=2']]);
    clock.set(1500);
    cache.set('b', '1');
    expect(cache.crash()).toEqual([{ key: 'b', value: '1', writtenAtMs: 1500 }]);
    expect(cache.get('b')).toBeUndefined();
  });
});

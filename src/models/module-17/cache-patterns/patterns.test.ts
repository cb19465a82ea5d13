import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/clock';
import { LruCache } from './lru-cache';
import { cacheAsideRead, cacheAsideWrite, WriteThroughCache, type Database } from './patterns';

function memoryDb(): Database<string> & { rows: Map<string, string>; reads: number; writes: number } {
  const rows = new Map<string, string>();
  const db = {
    rows,
    reads: 0,
    writes: 0,
    read: (key: string) => {
      db.reads++;
      return rows.get(key);
    },
    write: (key: string, value: string) => {
      db.writes++;
      rows.set(key, value);
    },
    writeBatch: (entries: ReadonlyArray<readonly [string, string]>) => entries.forEach(([k, v]) => rows.set(k, v)),
  };
  return db;
}

describe('cache-aside over the LruCache', () => {
  it('reads the database once per miss and deletes on write', () => {
    const db = memoryDb();
    db.rows.set('k', 'v1');
    const store = new LruCache<string>({ capacity: 4, clock: new ManualClock() });
    expect(cacheAsideRead(store, db, 'k')).toBe('v1');
    expect(cacheAsideRead(store, db, 'k')).toBe('v1');
    expect(db.reads).toBe(1);
    cacheAsideWrite(store, db, 'k', 'v2');
    expect(store.keys()).toEqual([]);
    expect(cacheAsideRead(store, db, 'k')).toBe('v2');
    expect(db.reads).toBe(2);
  });
});

describe('WriteThroughCache', () => {
  it('writes the database before the cache and keeps the cache clean when the database refuses', () => {
    const db = memoryDb();
    const store = new LruCache<string>({ capacity: 4, clock: new ManualClock() });
    const cache = new WriteThroughCache({ store, db });
    cache.set('k', 'v1');
    expect(db.rows.get('k')).toBe('v1');
    expect(cache.get('k')).toBe('v1');
    const refusing = { ...db, write: () => { throw new Error('down'); } };
    const broken = new WriteThroughCache({ store, db: refusing });
    expect(() => broken.set('k', 'v2')).toThrow('down');
    expect(cache.get('k')).toBe('v1');
  });
});

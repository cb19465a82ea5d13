import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/clock';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry, a hit counting as a use', () => {
    const cache = new LruCache<number>({ capacity: 2, clock: new ManualClock() });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.stats()).toEqual({ hits: 1, misses: 0, evictions: 1, expirations: 0 });
  });

  it('expires an entry at exactly written + ttl, counted once, and gives it no room', () => {
    const clock = new ManualClock();
    const cache = new LruCache<string>({ capacity: 1, clock, defaultTtlMs: 10 });
    cache.set('a', 'A');
    clock.set(9);
    expect(cache.get('a')).toBe('A');
    clock.set(10);
    expect(cache.size).toBe(0);
    cache.set('b', 'B');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, evictions: 0, expirations: 1 });
  });

  it('names the bad argument', () => {
    const clock = new ManualClock();
    expect(() => new LruCache({ capacity: 0, clock })).toThrow(/capacity/);
    expect(() => new LruCache({ capacity: 1, clock, defaultTtlMs: Number.NaN })).toThrow(/defaultTtlMs/);
    const cache = new LruCache<string>({ capacity: 1, clock });
    expect(() => cache.get(1 as unknown as string)).toThrow(TypeError);
    expect(() => cache.set('a', 'A', 0)).toThrow(/ttlMs/);
    expect(() => cache.set('a', undefined as unknown as string)).toThrow(/value/);
  });
});

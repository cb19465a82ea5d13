// Reference solution of the cache-patterns lab: the course's own models of an LRU cache with TTLs and
// of the cache patterns. `npm test` proves that it passes every graded test.
export { LruCache, type CacheStats, type LruCacheOptions } from '../../../src/models/module-17/cache-patterns/lru-cache';
export {
  cacheAsideRead,
  cacheAsideWrite,
  ReadThroughCache,
  WriteThroughCache,
  type CacheStore,
  type Database,
  type PatternOptions,
} from '../../../src/models/module-17/cache-patterns/patterns';
export { WriteBehindCache, type LostWrite, type WriteBehindOptions } from '../../../src/models/module-17/cache-patterns/write-behind';
export type { Clock } from '../../../src/models/common/clock';

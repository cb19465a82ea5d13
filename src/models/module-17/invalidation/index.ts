/** The invalidation lab's model: a versioned database, a cache with TTLs, guards and versions, and the processes that race on them. */
export { Cache, type CacheOptions, type Clock } from './cache';
export { Database, type Row } from './database';
export { interleave, reader, STRATEGIES, writer, type Process, type ReadProcess, type Strategy } from './processes';

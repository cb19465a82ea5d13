/**
 * What every eviction policy of the cache simulator offers. A policy holds at most `capacity` keys of
 * equal size. It sees every request (`record`), answers whether it was a hit, and on a miss admits the
 * key, evicting one first when it is full. It keeps its own count of evictions; hits and misses are
 * counted by whoever feeds it (simulator.ts), as in Caffeine's simulator, where policies, workloads and
 * the report are kept apart.
 */
import { integerAtLeast } from '../../common/guards';

export interface Policy {
  /** A short name for reports, e.g. "LRU". */
  readonly name: string;
  /** The most keys it holds. */
  readonly capacity: number;
  /** The size of its key space: it accepts keys 0 … keys − 1. */
  readonly keys: number;
  /** How many keys it holds now. */
  readonly size: number;
  /** How many keys it has evicted so far. */
  readonly evictions: number;
  /**
   * One request for `key` (an integer from 0 to keys − 1): true if the key was in the cache (a hit);
   * otherwise the key is admitted, after an eviction if the cache was full, and the result is false.
   */
  record(key: number): boolean;
  /** Whether `key` is in the cache now (changes nothing: no recency, no counts). */
  contains(key: number): boolean;
}

/** Options every policy needs. */
export interface PolicyOptions {
  /** The most keys the cache holds: an integer >= 1. */
  capacity: number;
  /** The size of the key space: requests name keys 0 … keys − 1. An integer >= 1. */
  keys: number;
}

/** Checks the options every policy shares (a RangeError names the bad one) and returns them. */
export function checkPolicyOptions(options: PolicyOptions): PolicyOptions {
  integerAtLeast('capacity', options.capacity, 1);
  integerAtLeast('keys', options.keys, 1);
  return options;
}

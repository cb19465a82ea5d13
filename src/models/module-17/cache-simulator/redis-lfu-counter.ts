/**
 * Redis's LFU counter (src/evict.c, LFULogIncr): 8 bits per key, so it cannot count to a million; it
 * counts probabilistically instead, in the spirit of Morris's approximate counter. A new key starts at
 * LFU_INIT_VAL = 5 so that it is not the first thing evicted; each access then adds 1 with probability
 *
 *     p = 1 / ((counter − 5) · lfu-log-factor + 1)      (1 at or below 5; never above 255)
 *
 * (redis.conf's comment writes the old counter value where the code subtracts the initial 5.) Counting
 * from 5, going from c to c + 1 takes on average (c − 5)·f + 1 accesses, so reaching c takes
 * (c − 5) + f·(c − 5)(c − 6)/2 on average: the counter grows like the square root of 2·hits/f.
 */
import { integerAtLeast, nonNegative } from '../../common/guards';
import type { Rng } from '../../common/rng';

/** LFU_INIT_VAL in Redis: the counter of a key that was just created. */
export const LFU_INIT_VAL = 5;
/** The counter's ceiling: it has 8 bits. */
export const LFU_MAX = 255;
/** Redis's default lfu-log-factor. */
export const DEFAULT_LOG_FACTOR = 10;

// #region increment
/** One access: the counter after it (Redis's LFULogIncr). `rng` stands in for rand()/RAND_MAX. */
export function lfuLogIncrement(counter: number, logFactor: number, rng: Rng): number {
  if (counter >= LFU_MAX) return LFU_MAX;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  const p = 1 / (base * logFactor + 1);
  return rng.next() < p ? counter + 1 : counter;
}
// #endregion

/** The counter of a new key after `hits` accesses, drawn with `rng` (the key's creation is not an access). */
export function lfuCounterAfter(hits: number, logFactor: number, rng: Rng): number {
  integerAtLeast('hits', hits, 0);
  nonNegative('logFactor', logFactor);
  let counter = LFU_INIT_VAL;
  for (let i = 0; i < hits && counter < LFU_MAX; i++) counter = lfuLogIncrement(counter, logFactor, rng);
  return counter;
}

/** The mean number of accesses that take a new key's counter from 5 to `counter`: Σ_{c=5}^{counter−1} ((c − 5)·f + 1). */
export function meanHitsToReach(counter: number, logFactor: number): number {
  integerAtLeast('counter', counter, LFU_INIT_VAL);
  if (counter > LFU_MAX) throw new RangeError(`counter must be at most ${LFU_MAX} (got ${counter})`);
  nonNegative('logFactor', logFactor);
  const steps = counter - LFU_INIT_VAL;
  return steps + (logFactor * steps * (steps - 1)) / 2;
}

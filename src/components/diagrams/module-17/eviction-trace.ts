/**
 * The lesson's worked example of eviction: one short request sequence replayed on the course's LRU, FIFO
 * and LFU policies (src/models/module-17/cache-simulator/), with what each did at each request.
 */
import { createPolicy } from '../../../models/module-17/cache-simulator/simulator';

export const TRACE = 'ABCABDAEBAC';
export const TRACE_CAPACITY = 3;
export const TRACE_POLICIES = ['lru', 'fifo', 'lfu'] as const;
export type TracePolicy = (typeof TRACE_POLICIES)[number];

export interface TraceCell {
  hit: boolean;
  /** The key evicted to make room, if any. */
  evicted?: string;
  /** The keys in the cache afterwards, in alphabetical order. */
  contents: string;
}

/** Each policy's cells, one per request, and its number of hits. */
export function evictionTrace(trace = TRACE, capacity = TRACE_CAPACITY): Record<TracePolicy, { cells: TraceCell[]; hits: number }> {
  const names = [...new Set(trace)].sort();
  const result = {} as Record<TracePolicy, { cells: TraceCell[]; hits: number }>;
  for (const kind of TRACE_POLICIES) {
    const policy = createPolicy({ kind, capacity, keys: names.length });
    const held = () => names.filter((_, key) => policy.contains(key));
    const cells = [...trace].map((name) => {
      const before = held();
      const hit = policy.record(names.indexOf(name));
      const after = held();
      const evicted = before.find((k) => !after.includes(k));
      return { hit, contents: after.join(' '), ...(evicted ? { evicted } : {}) };
    });
    result[kind] = { cells, hits: cells.filter((c) => c.hit).length };
  }
  return result;
}

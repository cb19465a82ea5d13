/**
 * The lesson's sequence diagrams of the cache patterns, as data that SequenceDiagram.astro draws: who
 * talks to whom, in what order, and where the caller is answered. Kept apart from the drawing so that
 * each diagram's text description is written from the same steps as its picture.
 */

export type StepKind = 'call' | 'reply' | 'background' | 'note' | 'divider';

export interface SequenceStep {
  kind: StepKind;
  /** The actor the arrow leaves from, or the one a note stands by. */
  from?: string;
  to?: string;
  label: string;
  /** Drawn in the accent colour: the moment the caller is answered, or the loss window. */
  emphasis?: boolean;
}

export interface Sequence {
  /** Prefix of the SVG's ids (one page holds several diagrams). */
  id: string;
  title: string;
  actors: readonly string[];
  steps: readonly SequenceStep[];
  caption: string;
}

const APP = 'Application';
const CACHE = 'Cache';
const DB = 'Database';

export const CACHE_ASIDE: Sequence = {
  id: 'seq-cache-aside',
  title: 'Cache-aside: the application talks to both',
  actors: [APP, CACHE, DB],
  steps: [
    { kind: 'divider', label: 'read, hit' },
    { kind: 'call', from: APP, to: CACHE, label: 'get(k)' },
    { kind: 'reply', from: CACHE, to: APP, label: 'v' },
    { kind: 'divider', label: 'read, miss' },
    { kind: 'call', from: APP, to: CACHE, label: 'get(k)' },
    { kind: 'reply', from: CACHE, to: APP, label: 'nothing' },
    { kind: 'call', from: APP, to: DB, label: 'read(k)' },
    { kind: 'reply', from: DB, to: APP, label: 'v' },
    { kind: 'call', from: APP, to: CACHE, label: 'set(k, v)' },
    { kind: 'divider', label: 'write' },
    { kind: 'call', from: APP, to: DB, label: 'write(k, v2)' },
    { kind: 'reply', from: DB, to: APP, label: 'ok' },
    { kind: 'call', from: APP, to: CACHE, label: 'delete(k)', emphasis: true },
  ],
  caption:
    'A hit is one round trip; a miss is three (the failed lookup, the database read, the fill). A write goes to the database first and then deletes the key, so the next read fetches the new value.',
};

export const READ_THROUGH: Sequence = {
  id: 'seq-read-through',
  title: 'Read-through: the cache loads on a miss',
  actors: [APP, CACHE, DB],
  steps: [
    { kind: 'call', from: APP, to: CACHE, label: 'get(k)' },
    { kind: 'note', from: CACHE, label: 'miss' },
    { kind: 'call', from: CACHE, to: DB, label: 'read(k)' },
    { kind: 'reply', from: DB, to: CACHE, label: 'v' },
    { kind: 'note', from: CACHE, label: 'keep a copy of v' },
    { kind: 'reply', from: CACHE, to: APP, label: 'v' },
  ],
  caption:
    'The same round trips as a cache-aside miss, but the application makes one call and the cache does the rest: the loading code lives in one place instead of in every caller.',
};

export const WRITE_THROUGH: Sequence = {
  id: 'seq-write-through',
  title: 'Write-through: acknowledged once the database has it',
  actors: [APP, CACHE, DB],
  steps: [
    { kind: 'call', from: APP, to: CACHE, label: 'set(k, v)' },
    { kind: 'call', from: CACHE, to: DB, label: 'write(k, v)' },
    { kind: 'reply', from: DB, to: CACHE, label: 'ok' },
    { kind: 'note', from: CACHE, label: 'now store v' },
    { kind: 'reply', from: CACHE, to: APP, label: 'ok: the write is durable', emphasis: true },
  ],
  caption:
    'A write costs a database write and a cache write, one after the other, before the caller hears back. If the database refuses, the caller hears that instead, and the cache never held the refused value.',
};

export const WRITE_BEHIND: Sequence = {
  id: 'seq-write-behind',
  title: 'Write-behind: acknowledged at once, written later in batches',
  actors: [APP, CACHE, DB],
  steps: [
    { kind: 'call', from: APP, to: CACHE, label: 'set(k, v)' },
    { kind: 'note', from: CACHE, label: 'store v; k is pending' },
    { kind: 'reply', from: CACHE, to: APP, label: 'ok (acknowledged)' },
    { kind: 'note', from: CACHE, label: 'loss window: acknowledged, not in the database', emphasis: true },
    { kind: 'divider', label: 'later: maxBatchSize keys pending, or the oldest is maxDelayMs old' },
    { kind: 'call', from: CACHE, to: DB, label: 'writeBatch([k, …])' },
    { kind: 'reply', from: DB, to: CACHE, label: 'ok' },
    { kind: 'note', from: CACHE, label: 'forget the pending writes' },
  ],
  caption:
    'The caller waits only for the cache. Every acknowledged write stays only in the cache until its batch reaches the database; if the cache dies in between, those writes are gone.',
};

export const REFRESH_AHEAD: Sequence = {
  id: 'seq-refresh-ahead',
  title: 'Refresh-ahead: reload a popular entry before it expires',
  actors: [APP, CACHE, DB],
  steps: [
    { kind: 'call', from: APP, to: CACHE, label: 'get(k), near the end of its TTL' },
    { kind: 'reply', from: CACHE, to: APP, label: 'v (a hit, no waiting)', emphasis: true },
    { kind: 'background', from: CACHE, to: DB, label: 'read(k), in the background' },
    { kind: 'reply', from: DB, to: CACHE, label: 'v2' },
    { kind: 'note', from: CACHE, label: 'replace with v2, new TTL' },
  ],
  caption:
    'A read that arrives in the last part of an entry’s lifetime is answered from the cache as usual and also starts a reload, so a key that keeps being read never expires into a miss.',
};

export const PATTERN_SEQUENCES = [CACHE_ASIDE, READ_THROUGH, WRITE_THROUGH, WRITE_BEHIND, REFRESH_AHEAD] as const;

/** The diagram in words, for its `<desc>`: every step, in order. */
export function describeSequence(sequence: Sequence): string {
  const parts = sequence.steps.map((step) => {
    switch (step.kind) {
      case 'divider':
        return `Then, ${step.label}:`;
      case 'note':
        return `the ${step.from?.toLowerCase()} notes: ${step.label}.`;
      case 'background':
        return `the ${step.from?.toLowerCase()} sends ${step.label} to the ${step.to?.toLowerCase()}.`;
      default:
        return `the ${step.from?.toLowerCase()} ${step.kind === 'call' ? 'calls' : 'answers'} the ${step.to?.toLowerCase()}: ${step.label}.`;
    }
  });
  return `${sequence.actors.join(', ')}. ${parts.join(' ')}`;
}

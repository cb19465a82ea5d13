/**
 * The data behind the lesson's race timelines: a schedule of reader and writer steps, replayed on the
 * invalidation lab's model (src/models/module-17/invalidation/), with what the cache and the database
 * hold after every step. The diagrams draw what the model does, so they cannot drift from the lab.
 */
import { ManualClock } from '../../../models/common/clock';
import { Cache, Database, reader, writer, type Process, type Strategy } from '../../../models/module-17/invalidation/index';

/** One actor of a race: a reader or a writer, with what each of its steps does, in words. */
export interface Actor {
  name: string;
  kind: 'reader' | 'writer';
  /** For a writer: the value it writes. */
  value?: string;
  /** One short label per step, e.g. ['get k: miss', 'read k: A, v1', 'set k = A']. */
  steps: string[];
}

export interface RaceStep {
  /** Which actor took the step (index into the actors). */
  actor: number;
  label: string;
  /** What the cache and the database hold for the key after the step ('—' for nothing). */
  cache: string;
  database: string;
}

export interface Race {
  strategy: Strategy;
  actors: Actor[];
  steps: RaceStep[];
  /** Whether the cache ends up holding a value the database no longer has. */
  stale: boolean;
}

/**
 * Replays `schedule` (indices into `actors`) on a fresh database holding `initial` for key "k" and a
 * cache that holds `initial` too when `cached` is true.
 */
export function replay(strategy: Strategy, actors: Actor[], schedule: number[], options: { initial: string; cached: boolean }): Race {
  const db = new Database<string>();
  const cache = new Cache<string>({ clock: new ManualClock(0), ttlMs: Number.POSITIVE_INFINITY });
  db.write('k', options.initial);
  if (options.cached) cache.setVersioned('k', options.initial, 1);
  const processes: Process[] = actors.map((a) => (a.kind === 'reader' ? reader(db, cache, 'k', strategy) : writer(db, cache, 'k', a.value!, strategy)));
  const taken = actors.map(() => 0);
  const steps = schedule.map((index) => {
    processes[index]!.step();
    const label = actors[index]!.steps[taken[index]!++];
    if (label === undefined) throw new Error(`actor ${actors[index]!.name} has no label for step ${taken[index]}`);
    return { actor: index, label, cache: cache.get('k') ?? '—', database: db.read('k')?.value ?? '—' };
  });
  if (processes.some((p) => !p.done)) throw new Error('the schedule does not finish every actor');
  const held = cache.get('k');
  return { strategy, actors, steps, stale: held !== undefined && held !== db.read('k')?.value };
}

const readerActor = (steps: string[]): Actor => ({ name: 'Reader', kind: 'reader', steps });

/** The stale set: r r w w r under plain delete, and the same order under versions. */
export function staleSetRaces(): Race[] {
  const writerActor = (last: string): Actor => ({ name: 'Writer', kind: 'writer', value: 'B', steps: ['write k = B: v2', last] });
  return [
    replay('delete', [readerActor(['get k: miss', 'read k: A, v1', 'set k = A']), writerActor('delete k')], [0, 0, 1, 1, 0], { initial: 'A', cached: false }),
    replay(
      'versioned',
      [readerActor(['get k: miss', 'read k: A, v1', 'set A, v1: refused, 1 < 2']), writerActor('invalidate k: v2')],
      [0, 0, 1, 1, 0],
      { initial: 'A', cached: false },
    ),
  ];
}

/** Two writers whose cache operations land in the opposite order to their database writes: update, then delete. */
export function twoWriterRaces(): Race[] {
  const writers = (second: (v: string) => string): Actor[] => [
    { name: 'Writer 1', kind: 'writer', value: 'B', steps: ['write k = B: v2', second('B')] },
    { name: 'Writer 2', kind: 'writer', value: 'C', steps: ['write k = C: v3', second('C')] },
  ];
  return [
    replay('update', writers((v) => `set k = ${v}`), [0, 1, 1, 0], { initial: 'A', cached: true }),
    replay('delete', writers(() => 'delete k'), [0, 1, 1, 0], { initial: 'A', cached: true }),
  ];
}

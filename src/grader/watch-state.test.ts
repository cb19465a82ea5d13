/**
 * Watch mode's decisions, without a terminal, a file watcher or a process: events in, effects out.
 */
import { describe, expect, it } from 'vitest';
import type { GradedLab } from './grade';
import type { FileResult } from './run-tests';
import { TOUCH_AFTER_MS, WatchState, type CheckResult, type WatchEffect, type WatchLab } from './watch-state';
import { GRACE_MS, LOAD_TIMEOUT_MS } from './limits';

const labs: WatchLab[] = [
  { id: 'a', testFile: '/l/a/a.test.ts', timeoutMs: 2000 },
  { id: 'b', testFile: '/l/b/b.test.ts', timeoutMs: 1000 },
];

/** A grade whose tests all have `status`, and which records what it was scored from. */
function graded(id: string, status: GradedLab['tests'][number]['status'], diagnosis?: string): GradedLab {
  return {
    id,
    title: id,
    lesson: 'm/x',
    score: status === 'passed' ? 1 : 0,
    max: 1,
    tests: [{ name: 'f > works', status, points: status === 'passed' ? 1 : 0, max: 1, hints: { question: 'q', idea: 'i', section: 's' } }],
    ...(diagnosis ? { diagnosis } : {}),
    ungraded: [],
    valid: true,
    warnings: [],
  };
}

function machine(checks: Record<string, CheckResult> = { a: { exists: true }, b: { exists: true } }) {
  const scored: { lab: string; result: FileResult | undefined; diagnosis: string | undefined }[] = [];
  const checked: string[][] = [];
  const state = new WatchState({
    labs,
    check: (ids) => {
      checked.push(ids);
      return new Map(ids.map((id) => [id, checks[id]!]));
    },
    score: (lab, result, check) => {
      const diagnosis = check?.diagnosis;
      scored.push({ lab, result, diagnosis });
      const statuses = [...(result?.results.values() ?? [])].map((r) => r.status);
      return graded(lab, diagnosis ? 'error' : statuses.every((s) => s === 'passed') && statuses.length ? 'passed' : 'failed', diagnosis);
    },
  });
  return { state, scored, checked };
}

const types = (effects: WatchEffect[]) => effects.map((e) => e.type);

/** Plays a whole passing run of lab `id`'s test file in the warm process. */
function passRun(state: WatchState, id: string, at: number): WatchEffect[] {
  const file = labs.find((l) => l.id === id)!.testFile;
  return [
    ...state.dispatch({ type: 'progress', event: { type: 'collect-start', file, at } }),
    ...state.dispatch({ type: 'progress', event: { type: 'collected', file, at: at + 1, tests: ['f > works'] } }),
    ...state.dispatch({ type: 'progress', event: { type: 'test-start', file, at: at + 2, name: 'f > works' } }),
    ...state.dispatch({ type: 'progress', event: { type: 'test-end', file, at: at + 3, name: 'f > works' } }),
    ...state.dispatch({ type: 'result', record: { type: 'collected', file, tests: ['f > works'] }, at: at + 3 }),
    ...state.dispatch({ type: 'result', record: { type: 'verdict', file, name: 'f > works', state: 'passed' }, at: at + 3 }),
    ...state.dispatch({ type: 'progress', event: { type: 'file-end', file, at: at + 4 } }),
    ...state.dispatch({ type: 'result', record: { type: 'module-end', file, errors: [], tests: 1 }, at: at + 4 }),
  ];
}

describe('WatchState', () => {
  it('starts by checking every lab and starting the warm process on those whose file exists', () => {
    const { state, checked } = machine({ a: { exists: true }, b: { exists: false, diagnosis: 'b/b.ts is missing' } });
    const effects = state.start();
    expect(checked).toEqual([['a', 'b']]);
    expect(effects[0]).toEqual({ type: 'start-warm', labs: ['a'] });
    // The missing lab is graded at once, with its diagnosis.
    expect(effects.filter((e) => e.type === 'graded').map((e) => (e as { lab: GradedLab }).lab)).toEqual([graded('b', 'error', 'b/b.ts is missing')]);
    expect(effects.at(-1)).toEqual({ type: 'render' });
  });

  it('grades a lab when its file finishes in the warm process, and says how long after the save', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    expect(types(passRun(state, 'a', 100))).toEqual(['graded', 'render']);
    expect(state.status).toBe('Graded a.');
    expect(state.dispatch({ type: 'saved', lab: 'a', at: 1000 })).toEqual([{ type: 'touch-later', lab: 'a', afterMs: TOUCH_AFTER_MS, generation: 1 }]);
    expect(passRun(state, 'a', 1250)[0]).toMatchObject({ type: 'graded', msSinceSave: 254 });
    expect(state.status).toBe('Regraded a in 254 ms.');
    expect(state.current).toBe('a');
  });

  it('touches the test file only when Vitest did not rerun the lab after the save', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    passRun(state, 'a', 0);
    const [later] = state.dispatch({ type: 'saved', lab: 'a', at: 500 }) as Extract<WatchEffect, { type: 'touch-later' }>[];
    if (!later) throw new Error('a save in the warm process should schedule a touch');
    expect(state.dispatch({ type: 'touch-due', lab: 'a', generation: later.generation })).toEqual([{ type: 'touch', lab: 'a' }]);
    passRun(state, 'a', 900);
    expect(state.dispatch({ type: 'touch-due', lab: 'a', generation: later.generation })).toEqual([]);
  });

  it('ignores progress and ticks while the warm process is being replaced', () => {
    const { state } = machine();
    state.start();
    expect(state.warm).toBe('restarting');
    expect(passRun(state, 'a', 0)).toEqual([]);
    expect(state.dispatch({ type: 'tick', at: 1e9 })).toEqual([]);
  });

  it('benches a lab whose test overruns its budget plus the grace, grades it alone, and restarts the warm process without it', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    const file = labs[1]!.testFile;
    state.dispatch({ type: 'progress', event: { type: 'collect-start', file, at: 0 } });
    state.dispatch({ type: 'progress', event: { type: 'collected', file, at: 10, tests: ['f > works'] } });
    state.dispatch({ type: 'progress', event: { type: 'test-start', file, at: 20, name: 'f > works' } });
    expect(state.dispatch({ type: 'tick', at: 20 + 1000 + GRACE_MS })).toEqual([]);
    expect(state.dispatch({ type: 'tick', at: 21 + 1000 + GRACE_MS })).toEqual([{ type: 'kill-warm' }, { type: 'render' }, { type: 'grade-alone', lab: 'b' }]);
    expect(state.status).toBe('A test in b did not finish; grading it on its own…');
    const effects = state.dispatch({ type: 'graded-alone', lab: graded('b', 'timeout'), at: 5000 });
    expect(effects.at(-1)).toEqual({ type: 'start-warm', labs: ['a'] });
    expect(state.benched).toEqual(new Set(['b']));
  });

  it('benches a lab whose file never finishes loading after the load limit', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    state.dispatch({ type: 'progress', event: { type: 'collect-start', file: labs[0]!.testFile, at: 0 } });
    expect(state.dispatch({ type: 'tick', at: LOAD_TIMEOUT_MS })).toEqual([]);
    expect(types(state.dispatch({ type: 'tick', at: LOAD_TIMEOUT_MS + 1 }))).toEqual(['kill-warm', 'render', 'grade-alone']);
  });

  it('grades a benched lab alone at each save, and lets it rejoin the warm process once it no longer hangs', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    state.dispatch({ type: 'progress', event: { type: 'collect-start', file: labs[1]!.testFile, at: 0 } });
    state.dispatch({ type: 'progress', event: { type: 'test-start', file: labs[1]!.testFile, at: 0, name: 'f > works' } });
    expect(types(state.dispatch({ type: 'tick', at: 10_000 }))).toEqual(['kill-warm', 'render', 'grade-alone']);
    state.dispatch({ type: 'graded-alone', lab: graded('b', 'timeout'), at: 10_500 });
    state.dispatch({ type: 'warm-started', labs: ['a'] });

    expect(state.dispatch({ type: 'saved', lab: 'b', at: 20_000 })).toEqual([{ type: 'grade-alone', lab: 'b' }]);
    expect(types(state.dispatch({ type: 'graded-alone', lab: graded('b', 'timeout'), at: 21_000 }))).toEqual(['graded', 'render']);
    expect(state.benched.has('b')).toBe(true);

    state.dispatch({ type: 'saved', lab: 'b', at: 30_000 });
    const effects = state.dispatch({ type: 'graded-alone', lab: graded('b', 'failed'), at: 30_800 });
    expect(effects).toContainEqual({ type: 'graded', lab: graded('b', 'failed'), msSinceSave: 800 });
    expect(effects.at(-1)).toEqual({ type: 'start-warm', labs: ['a', 'b'] });
    expect(state.benched.size).toBe(0);
  });

  it('keeps a benched lab out while its file still never finishes loading', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    state.dispatch({ type: 'progress', event: { type: 'collect-start', file: labs[0]!.testFile, at: 0 } });
    state.dispatch({ type: 'tick', at: 10_000 });
    state.dispatch({ type: 'graded-alone', lab: graded('a', 'error', 'x.ts never finished loading (stopped after 5 s).'), at: 10_500 });
    state.dispatch({ type: 'saved', lab: 'a', at: 20_000 });
    expect(types(state.dispatch({ type: 'graded-alone', lab: graded('a', 'error', 'x.ts never finished loading (stopped after 5 s).'), at: 26_000 }))).toEqual(['graded', 'render']);
    expect(state.benched.has('a')).toBe(true);
  });

  it('grades every save alone when no warm process runs', () => {
    const { state } = machine({ a: { exists: false, diagnosis: 'missing' }, b: { exists: false, diagnosis: 'missing' } });
    state.start();
    state.dispatch({ type: 'warm-started', labs: [] });
    expect(state.warm).toBe('off');
    expect(state.dispatch({ type: 'saved', lab: 'a', at: 0 })).toEqual([{ type: 'grade-alone', lab: 'a' }]);
  });

  it('scores a warm result with the diagnosis of the latest static check', () => {
    const { state, scored } = machine({ a: { exists: true, diagnosis: 'a.ts:1:1: Type error' }, b: { exists: true } });
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    passRun(state, 'a', 0);
    expect(scored.at(-1)).toMatchObject({ lab: 'a', diagnosis: 'a.ts:1:1: Type error' });
  });

  it('opens the next hint of the shown lab on h, quits on q or Ctrl-C, and ignores other keys', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'warm-started', labs: ['a', 'b'] });
    expect(state.dispatch({ type: 'key', key: 'h' })).toEqual([{ type: 'render' }]);
    state.dispatch({ type: 'graded-alone', lab: graded('a', 'failed'), at: 0 });
    expect(state.dispatch({ type: 'key', key: 'h' })).toEqual([{ type: 'open-hint', lab: 'a', test: 'f > works' }, { type: 'render' }]);
    expect(state.dispatch({ type: 'key', key: 'q' })).toEqual([{ type: 'stop' }]);
    expect(state.dispatch({ type: 'key', key: '\u0003' })).toEqual([{ type: 'stop' }]);
    expect(state.dispatch({ type: 'key', key: 'x' })).toEqual([]);
  });

  it('opens no hint for a lab that cannot be graded', () => {
    const { state } = machine();
    state.start();
    state.dispatch({ type: 'graded-alone', lab: graded('a', 'error', 'syntax error'), at: 0 });
    expect(state.dispatch({ type: 'key', key: 'h' })).toEqual([{ type: 'render' }]);
  });
});

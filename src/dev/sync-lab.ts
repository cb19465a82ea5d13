/**
 * npm run sync:lab -- <id> [--check] — keeps a lab's lab.json in step with its test file. The graded
 * tests are keyed by their full names ("describe > it"), so rewording an `it()` would otherwise lose
 * its points without anyone noticing. This rewrites lab.json's list of tests from the names Vitest
 * collects from <id>.test.ts, in the file's order: a test that still exists keeps its points and
 * hints, a new one gets 1 point and TODO hints (the layout check refuses TODO hints, so they cannot
 * land unfilled), and one that is gone is dropped. It prints what it changed. With --check it changes
 * nothing and exits 1 when lab.json is out of step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { LAB_TARGET_ENV } from '../grader/lab-target';
import { loadLabs, type Lab } from '../labs/catalog';
import { LABS_DIR } from '../labs/layout';
import type { GradedTest, LabMeta } from '../labs/schema';
import { isMain, root } from './generated';

/** The hints a new test gets until an author writes real ones. */
export const TODO_HINTS = {
  question: 'TODO: a question that points the student at what this test checks',
  idea: 'TODO: the idea that makes it pass, without the code',
  section: 'todo-lesson-section-anchor',
} as const;

/** True when a hint still holds the stub that sync:lab or new:lab wrote. */
export const isTodoHint = (hints: GradedTest['hints']): boolean =>
  hints.question.startsWith('TODO') || hints.idea.startsWith('TODO') || hints.section === TODO_HINTS.section;

export interface SyncResult {
  tests: GradedTest[];
  kept: string[];
  added: string[];
  removed: string[];
  /** True when the order alone changed. */
  reordered: boolean;
}

/** The new list of graded tests, given lab.json's and the names collected from the test file. */
export function syncTests(current: readonly GradedTest[], collected: readonly string[]): SyncResult {
  const byName = new Map(current.map((test) => [test.name, test]));
  const tests = collected.map((name) => byName.get(name) ?? { name, points: 1, hints: { ...TODO_HINTS } });
  const kept = collected.filter((name) => byName.has(name));
  const added = collected.filter((name) => !byName.has(name));
  const removed = current.map((test) => test.name).filter((name) => !collected.includes(name));
  const order = current.map((test) => test.name).filter((name) => collected.includes(name));
  return { tests, kept, added, removed, reordered: order.join('\n') !== kept.join('\n') };
}

/** The full names of the tests in a lab's test file, in order, as Vitest collects them. */
export function collectTestNames(lab: Lab): string[] {
  const require = createRequire(import.meta.url);
  const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const work = mkdtempSync(join(tmpdir(), 'qc-sync-'));
  const out = join(work, 'list.json');
  try {
    // Collected against the reference solution, so a half-written starter cannot stop the listing.
    const run = spawnSync(process.execPath, [vitest, 'list', '--project=labs', `--json=${out}`, relative(root, lab.testFile)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, [LAB_TARGET_ENV]: 'reference', NO_COLOR: '1' },
      timeout: 60_000,
    });
    let listed: { name: string; file: string }[];
    try {
      listed = JSON.parse(readFileSync(out, 'utf8')) as { name: string; file: string }[];
    } catch {
      throw new Error(`Vitest could not list the tests of ${relative(root, lab.testFile)}:\n${(run.stderr || run.stdout || '').trim().split('\n').slice(-15).join('\n')}`);
    }
    return listed.map((test) => test.name);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`sync:lab: ${(error as Error).message}\nUsage: npm run sync:lab -- <lab-id> [--check]\n`);
    process.exit(2);
  }
  const labs = loadLabs(join(root, LABS_DIR));
  const ids = parsed.positionals;
  if (!ids.length) {
    process.stderr.write(`Usage: npm run sync:lab -- <lab-id>... [--check]\nThe labs are: ${labs.map((l) => l.id).join(', ')}\n`);
    process.exit(2);
  }
  const unknown = ids.filter((id) => !labs.some((lab) => lab.id === id));
  if (unknown.length) {
    process.stderr.write(`sync:lab: no lab named ${unknown.join(', ')}. The labs are: ${labs.map((l) => l.id).join(', ')}\n`);
    process.exit(2);
  }
  let stale = 0;
  for (const lab of labs.filter((l) => ids.includes(l.id))) {
    const raw = JSON.parse(readFileSync(lab.metaFile, 'utf8')) as LabMeta;
    const result = syncTests(raw.tests, collectTestNames(lab));
    const changed = result.added.length || result.removed.length || result.reordered;
    const where = relative(root, lab.metaFile);
    if (!changed) {
      process.stdout.write(`${pc.green('✓')} ${where}: all ${result.kept.length} tests in step with the test file\n`);
      continue;
    }
    stale++;
    for (const name of result.added) process.stdout.write(`  ${pc.green('+')} ${name}  ${pc.dim('(new: 1 point, TODO hints)')}\n`);
    for (const name of result.removed) process.stdout.write(`  ${pc.red('-')} ${name}  ${pc.dim('(no longer in the test file: dropped with its points and hints)')}\n`);
    if (result.reordered) process.stdout.write(`  ${pc.yellow('~')} order follows the test file\n`);
    if (parsed.values.check) {
      process.stdout.write(`${pc.red('✗')} ${where} is out of step with ${relative(root, lab.testFile)}: run npm run sync:lab -- ${lab.id}\n`);
      continue;
    }
    writeFileSync(lab.metaFile, `${JSON.stringify({ ...raw, tests: result.tests }, null, 2)}\n`);
    process.stdout.write(
      `${pc.green('✓')} wrote ${where}: ${result.kept.length} kept, ${result.added.length} added, ${result.removed.length} dropped` +
        (result.added.length ? `. Give the new tests their points and hints, then run npm run build:manifest.\n` : '. Now run npm run build:manifest.\n'),
    );
  }
  if (parsed.values.check && stale) process.exitCode = 1;
}

if (isMain(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`sync:lab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

/**
 * npm run test:labs (every lab, after the layout and generated-file checks) or npm run prove -- <id>…
 * (only those) — proves each lab's autograder honest:
 *   1. its test file and its lab.json name the same tests;
 *   2. the reference solution (labs/<id>/.meta/solution.ts) passes every graded test;
 *   3. the untouched starter (labs/<id>/<id>.ts) fails every graded test;
 *   4. each known mistake (labs/<id>/.meta/mistakes/<name>.ts) fails at least one;
 *   5. grading is deterministic: the reference, graded again, gets exactly the same results (the
 *      report has no timing fields per test, so every field is compared).
 * A lab that breaks any rule fails the run (exit code 1).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import pc from 'picocolors';
import { loadLabs, type Lab } from '../labs/catalog';
import { LABS_DIR, mistakeFile, testFileName } from '../labs/layout';
import { gradeLabs, type GradedLab } from '../grader/grade';
import { mistakesTarget } from '../grader/lab-target';
import { isMain, root } from './generated';

export interface Proof {
  lab: string;
  problems: string[];
  /** One line per rule that held. */
  held: string[];
}

/** The names of a lab's known mistakes (files in .meta/mistakes/), sorted. */
export function mistakesOf(lab: Lab): string[] {
  const dir = lab.mistakesDir;
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => basename(name, '.ts'))
        .sort()
    : [];
}

/** Runs `jobs` with at most `limit` of them at a time; the results in the jobs' order. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}

/**
 * The known mistakes, dealt into rounds: round r grades the r-th mistake of every lab that has one,
 * all in one Vitest run (QC_LAB_TARGET lists one mistake per lab; each test file still runs in a
 * process of its own, so a mistake in one lab cannot touch another's verdicts). A course of n labs
 * with at most m mistakes each needs m runs, not n × m.
 */
export function mistakeRounds(labs: Lab[]): { lab: Lab; name: string }[][] {
  const named = labs.map((lab) => ({ lab, names: mistakesOf(lab) }));
  const rounds = Math.max(0, ...named.map(({ names }) => names.length));
  return Array.from({ length: rounds }, (_, r) => named.flatMap(({ lab, names }) => (r < names.length ? [{ lab, name: names[r]! }] : [])));
}

/**
 * Runs the proofs for `labs`: every Vitest run grades all of them (one run per implementation, and one
 * per round of mistakes), `parallel` runs at a time (each runs its test files one after another in its
 * own worker processes, so two runs keep both cores of the CI machine busy).
 */
export async function prove(labs: Lab[], labsDir: string, parallel = 2, repeats = 3): Promise<Proof[]> {
  const rounds = mistakeRounds(labs);
  const grade = (target: string, only: Lab[] = labs) => () => gradeLabs(only, { root, labsDir, target });
  const runs = await pool(
    [
      grade('reference'),
      grade('student'),
      ...Array.from({ length: repeats - 1 }, () => grade('reference')),
      ...rounds.map((round) => grade(mistakesTarget(round.map(({ lab, name }) => ({ lab: lab.id, name }))), round.map(({ lab }) => lab))),
    ],
    parallel,
  );
  const [reference, starter] = [runs[0]!, runs[1]!];
  const again = runs.slice(2, 2 + repeats - 1);
  const mistakeResults = new Map<string, GradedLab>();
  rounds.forEach((round, r) => {
    const graded = runs[1 + repeats + r]!;
    round.forEach(({ lab, name }, j) => mistakeResults.set(`${lab.id}/${name}`, graded[j]!));
  });
  return labs.map((lab, index) => {
    const problems: string[] = [];
    const held: string[] = [];
    const ref = reference[index]!;
    const start = starter[index]!;
    for (const name of ref.ungraded) problems.push(`${testFileName(lab.id)} has a test that lab.json does not list: "${name}"`);
    const unlisted = ref.tests.filter((test) => test.status === 'error' && !ref.diagnosis);
    if (!ref.ungraded.length && !unlisted.length && !ref.diagnosis) held.push('test file and lab.json name the same tests');
    if (ref.diagnosis) problems.push(`the reference solution could not be graded: ${ref.diagnosis}`);
    const notPassing = ref.tests.filter((test) => test.status !== 'passed');
    if (!ref.diagnosis && notPassing.length) {
      for (const test of notPassing) problems.push(`the reference solution ${test.status} "${test.name}": ${test.message ?? ''}`);
    } else if (!ref.diagnosis) held.push(`reference solution passes all ${ref.tests.length} graded tests`);

    const studentFile = relative(root, lab.studentFile);
    const passing = start.tests.filter((test) => test.status === 'passed');
    if (start.diagnosis) problems.push(`the starter could not be graded: ${start.diagnosis}`);
    else if (passing.length) {
      problems.push(
        `${studentFile} passes ${passing.length} graded test(s) (${passing.map((t) => `"${t.name}"`).join(', ')}), ` +
          'but the untouched starter must fail every one. (If you have been working on this lab, that is expected: ' +
          '`npm test` checks the course itself; grade your work with `npm run grade`.)',
      );
    } else held.push(`starter fails all ${start.tests.length} graded tests`);

    const differing = again.filter((run) => JSON.stringify(run[index]) !== JSON.stringify(ref)).length;
    if (differing) problems.push(`grading the reference ${repeats} times gave different results ${differing} time(s): a test depends on something other than the code`);
    else held.push(`grading the reference ${repeats} times gives identical results`);

    const names = mistakesOf(lab);
    const uncaught = names.filter((name) => mistakeResults.get(`${lab.id}/${name}`)!.tests.every((t) => t.status === 'passed'));
    for (const name of uncaught) problems.push(`the known mistake ${relative(root, mistakeFile(lab, name, join))} passes every graded test`);
    if (names.length && !uncaught.length) held.push(`all ${names.length} known mistakes are caught`);
    return { lab: lab.id, problems, held };
  });
}

async function main(): Promise<void> {
  const labsDir = join(root, LABS_DIR);
  const all = loadLabs(labsDir);
  // `npm run prove -- <id>…` proves only those labs (npm test proves them all).
  const ids = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = ids.filter((id) => !all.some((lab) => lab.id === id));
  if (unknown.length) throw new Error(`no lab named ${unknown.join(', ')}. The labs are: ${all.map((lab) => lab.id).join(', ')}`);
  const labs = ids.length ? all.filter((lab) => ids.includes(lab.id)) : all;
  const started = Date.now();
  // Two gradings at a time, each running its lab files one after another: both cores busy, no more
  // (a grading on its own uses two workers; four at once would only stretch the tests' time budgets).
  process.env.QC_LAB_WORKERS ??= '1';
  const proofs = await prove(labs, labsDir);
  let failed = 0;
  for (const proof of proofs) {
    const ok = proof.problems.length === 0;
    if (!ok) failed++;
    process.stdout.write(`${ok ? pc.green('✓') : pc.red('✗')} ${pc.bold(proof.lab)}\n`);
    for (const line of proof.held) process.stdout.write(`    ${line}\n`);
    for (const line of proof.problems) process.stdout.write(`    ${pc.red(line)}\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${proofs.length - failed}/${proofs.length} labs proved in ${seconds} s\n`);
  process.exitCode = failed ? 1 : 0;
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${pc.red('prove:')} ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

/**
 * npm run test:labs (every lab, after the layout and generated-file checks) or npm run prove -- <id>…
 * (only those) — proves each lab's autograder honest:
 *   1. its test file and its lab.json name the same tests;
 *   2. the reference solution (labs/<id>/.meta/solution.ts) passes every graded test;
 *   3. the untouched starter (labs/<id>/<id>.ts) fails every graded test;
 *   4. each known mistake (labs/<id>/.meta/mistakes/<name>.ts) fails at least one;
 *   5. grading is deterministic: the reference, graded again, gets exactly the same results (the
 *      report has no timing fields per test, so every field is compared);
 *   6. the lesson page's in-browser runner (src/labs/browser/, run here in Node workers by parity.ts)
 *      gives the same status, points and message as the grader for every test, on the starter, the
 *      reference and every known mistake.
 * A lab that breaks any rule fails the run (exit code 1).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import pc from 'picocolors';
import { loadLabs, type Lab } from '../labs/catalog';
import { LABS_DIR, mistakeFile, testFileName } from '../labs/layout';
import { gradeLabs, type GradedLab } from '../grader/grade';
import { isMain, root } from './generated';
import { differences, PageHarness } from './parity';

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

/** Runs the proofs for `labs` (all of them in one Vitest run per implementation). */
export async function prove(labs: Lab[], labsDir: string, parallel = 2, repeats = 3): Promise<Proof[]> {
  const [reference, starter] = [
    await gradeLabs(labs, { root, labsDir, target: 'reference' }),
    await gradeLabs(labs, { root, labsDir, target: 'student' }),
  ];
  const again: GradedLab[][] = [];
  for (let i = 1; i < repeats; i++) again.push(await gradeLabs(labs, { root, labsDir, target: 'reference' }));
  const mistakeRuns = labs.flatMap((lab) => mistakesOf(lab).map((name) => ({ lab, name })));
  const mistakeResults = new Map<string, GradedLab>();
  for (let i = 0; i < mistakeRuns.length; i += parallel) {
    const batch = mistakeRuns.slice(i, i + parallel);
    const graded = await Promise.all(
      batch.map(({ lab, name }) => gradeLabs([lab], { root, labsDir, target: `mistake:${lab.id}/${name}` })),
    );
    batch.forEach(({ lab, name }, j) => mistakeResults.set(`${lab.id}/${name}`, graded[j]![0]!));
  }
  // 6. The page's runner on the same code, `parallel` runs at a time, compared with the gradings above.
  const pageRuns: { lab: Lab; key: string; file: string; bundle: boolean; grader: GradedLab }[] = labs.flatMap((lab, index) => [
    { lab, key: 'the starter', file: lab.studentFile, bundle: false, grader: starter[index]! },
    { lab, key: 'the reference', file: lab.solutionFile, bundle: true, grader: reference[index]! },
    ...mistakesOf(lab).map((name) => ({ lab, key: `the known mistake ${name}`, file: mistakeFile(lab, name, join), bundle: true, grader: mistakeResults.get(`${lab.id}/${name}`)! })),
  ]);
  const harness = new PageHarness();
  const parity = new Map<string, { runs: number; tests: number; problems: string[] }>();
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pageRuns.length) {
        const run = pageRuns[next++]!;
        const page = await harness.run(run.lab, run.file, { bundle: run.bundle });
        const entry = parity.get(run.lab.id) ?? { runs: 0, tests: 0, problems: [] };
        entry.runs++;
        entry.tests += run.grader.tests.length;
        for (const line of differences(page.graded, run.grader)) entry.problems.push(`the page and the grader differ on ${run.key}: ${line}`);
        parity.set(run.lab.id, entry);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    harness.close();
  }
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
    const same = parity.get(lab.id);
    if (same?.problems.length) problems.push(...same.problems);
    else if (same) held.push(`the page's runner agrees with the grader on ${same.runs} implementations (${same.tests} test verdicts and messages)`);
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

/**
 * npm run grade [<lab-id>...] [-- --json | --junit <file> | --classroom | --hint | --watch]
 * Grades the student's files in labs/ and reports, per lab, points, tests, the next test to fix with
 * its hints, and the total. See docs/grader.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { CatalogError, loadLabs, type Lab } from '../labs/catalog';
import { flagsFromNpm, nearestFlag } from './args';
import { writeClassroomOutputs } from './classroom';
import { formatReport, nextToFix } from './format';
import { gradeLabs, type GradedLab } from './grade';
import { HintState } from './hints';
import { checkIntegrity, checkLoaded, mergeIntegrity, sha256File } from './integrity';
import { lessonSection } from './lessons';
import { labIdOf } from './run-tests';
import { junitXml } from './junit';
import { buildReport, type Report } from './report';
import { submitAndSay, submitFlags, submitFlagsProblem, submitUsage } from './submit';
import { watch } from './watch';

const usage = `Usage: npm run grade [<lab-id>...] [-- <options>]
       npm run hint <lab-id>     the next step of the hint for that lab's next test to fix

Grades your files in labs/<id>/<id>.ts: your points, each test, the next test to fix and a hint.
  <lab-id>          grade only these labs (default: all of them)
Options (after --, e.g. npm run grade -- --json):
  --watch           regrade the lab you are editing each time you save
  --hint            show the next step of the hint for the next test to fix
  --json            print one JSON report on stdout (schema: docs/grader.md)
  --junit <file>    also write a JUnit XML report to <file>
  --classroom       also write GitHub Classroom results to $GITHUB_OUTPUT
${submitUsage}
  --help            show this help`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string, code = 2): never {
  process.stderr.write(`${pc.red('grade:')} ${message}\n`);
  process.exit(code);
}

function course(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

function studentFiles(labs: Lab[]): Map<string, { path: string; sha256: string | null }> {
  return new Map(
    labs.map((lab) => [
      lab.id,
      { path: relative(root, lab.studentFile).split('\\').join('/'), sha256: existsSync(lab.studentFile) ? sha256File(lab.studentFile) : null },
    ]),
  );
}

async function gradeAndReport(labs: Lab[], labsDir: string, progress: boolean): Promise<{ graded: GradedLab[]; report: Report }> {
  const startedAt = Date.now();
  const files = studentFiles(labs);
  // Integrity: the grading files before the run and around every round, and the modules the workers ran.
  const checks = [checkIntegrity(root, labs, labsDir)];
  let loaded: string[] = [];
  const graded = await gradeLabs(labs, {
    root,
    labsDir,
    // The check just made stands for the first round's "before" (nothing ran in between).
    onRound: (when, round) => {
      if (when === 'after' || round > 1) checks.push(checkIntegrity(root, labs, labsDir));
    },
    onLoaded: (modules) => (loaded = checks[0]!.verdict === 'unverified' ? [] : checkLoaded(root, modules)),
    ...(progress
      ? {
          onOverrun: ({ file, test, limitMs }) =>
            process.stderr.write(
              pc.yellow(
                `⏱ ${labIdOf(file)}: ${test ? `"${test}" is still running` : 'the file is still loading'} past its time budget; waiting up to ${limitMs / 1000} s in all before stopping it…\n`,
              ),
            ),
        }
      : {}),
  });
  const integrity = mergeIntegrity(checks[0]!, ...checks.slice(1), loaded);
  const report = buildReport(graded, { course: course(), integrity, studentFiles: files, startedAt, finishedAt: Date.now() });
  return { graded, report };
}

async function main(): Promise<void> {
  let parsed;
  const fromNpm = flagsFromNpm(process.env);
  try {
    parsed = parseArgs({
      args: [...process.argv.slice(2), ...fromNpm.filter((f) => !process.argv.includes(f))],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        junit: { type: 'string' },
        classroom: { type: 'boolean', default: false },
        hint: { type: 'boolean', default: false },
        watch: { type: 'boolean', short: 'w', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'labs-dir': { type: 'string' },
        ...submitFlags,
      },
    });
  } catch (error) {
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    const nearest = unknown ? nearestFlag(unknown) : undefined;
    fail(`${(error as Error).message}${nearest ? `. Did you mean ${nearest}?` : ''}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (values.watch && (values.json || values.junit || values.classroom)) {
    fail('--watch shows a live report for people; use --json, --junit or --classroom without it');
  }
  if (values.junit !== undefined && !values.junit.trim()) fail('--junit needs a file name, e.g. --junit reports/junit.xml');
  const submitProblem = submitFlagsProblem(values);
  if (submitProblem) fail(submitProblem);
  const labsDir = resolve(values['labs-dir'] ?? join(root, 'labs'));
  let labs: Lab[];
  try {
    labs = loadLabs(labsDir);
  } catch (error) {
    if (error instanceof CatalogError) fail(`the course's lab metadata is broken:\n${error.message}`, 1);
    throw error;
  }
  const known = new Set(labs.map((lab) => lab.id));
  const unknown = positionals.filter((id) => !known.has(id));
  if (unknown.length) fail(`no lab named ${unknown.map((id) => `"${id}"`).join(', ')}. The labs are: ${[...known].join(', ')}`);
  const chosen = positionals.length ? labs.filter((lab) => positionals.includes(lab.id)) : labs;

  if (values.watch) {
    await watch({ root, labsDir, labs: chosen, course: course() });
    return;
  }

  if (!values.json) process.stderr.write(pc.dim(`Grading ${chosen.map((lab) => lab.id).join(', ')}…\n`));
  if (fromNpm.length && !values.json) {
    process.stderr.write(pc.dim(`(npm took ${fromNpm.join(' ')} for itself; the grader used it anyway. Next time: npm run grade -- ${fromNpm.join(' ')} …, or npm run hint <lab>)\n`));
  }
  const { graded, report } = await gradeAndReport(chosen, labsDir, !values.json);
  const hints = new HintState(root);
  if (values.hint) {
    const lab = graded.find((l) => !l.diagnosis && nextToFix(l));
    if (!lab) process.stderr.write('Every graded test passes (or a lab cannot be graded yet): no hint to open.\n');
    else hints.openNext(lab.id, nextToFix(lab)!.name);
  }
  if (values.junit) {
    const file = resolve(values.junit);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, junitXml(report));
  }
  if (values.classroom) writeClassroomOutputs(report);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const labsToShow = values.hint ? graded.filter((l) => l === graded.find((g) => !g.diagnosis && nextToFix(g))) : graded;
    process.stdout.write(
      `\n${formatReport(labsToShow.length ? labsToShow : graded, report.integrity, { hintSteps: (lab, test) => hints.opened(lab, test), lessonSection: (lab, section) => lessonSection(root, lab, section) })}`,
    );
  }
  if (values.submit !== undefined) process.exitCode = await submitAndSay({ root, address: values.submit, code: values.code!, name: values.name!, report });
}

main().catch((error: unknown) => {
  fail(`internal error, please report it: ${error instanceof Error ? error.message : String(error)}`, 1);
});

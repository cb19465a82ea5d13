/**
 * npm run test:mutation [<lab-id>...] — measures how good each lab's autograder is: Stryker (with its
 * Vitest runner) changes the lab's reference solution in small ways (mutants) and counts how many
 * changes the lab's tests notice. A lab passes at a mutation score of 90% or more.
 *
 * The code mutated is the reference solution and the course modules it imports (under src/). Surviving
 * mutants that cannot be told apart from the original (equivalent mutants) are listed, with the reason,
 * in labs/<id>/.meta/equivalent-mutants.json; any other survivor is printed for a human to look at.
 * Writes reports/mutation/<id>.json (Stryker's report) and docs/mutation.md (the summary).
 * `npm run test:mutation -- --from-reports` rewrites the summary from the reports on disk without running
 * Stryker, and refuses a report whose mutated files or test files have changed since it was made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { localImports } from '../../src/grader/imports';
import { loadLabs, type Lab } from '../../src/labs/catalog';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const THRESHOLD = 90;

const equivalentSchema = z.array(
  z
    .object({
      file: z.string(),
      line: z.number().int().positive(),
      mutator: z.string(),
      replacement: z.string(),
      reason: z.string().min(10),
    })
    .strict(),
);

/** The reference solution and every course module it imports, transitively (only files under src/). */
export function filesToMutate(lab: Lab): string[] {
  return localImports(lab.solutionFile)
    .map((file) => relative(root, file).split('\\').join('/'))
    .filter((file) => file.startsWith('src/'))
    .sort();
}

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}

interface LabScore {
  id: string;
  files: string[];
  killed: number;
  survived: Array<{ file: string; line: number; mutator: string; replacement: string; reason?: string }>;
  noCoverage: number;
  total: number;
  score: number;
}

function runLab(lab: Lab): LabScore {
  const files = filesToMutate(lab);
  const reportFile = `reports/mutation/${lab.id}.json`;
  const config = {
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.ts' },
    mutate: files,
    coverageAnalysis: 'perTest',
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: reportFile },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    concurrency: 2,
    timeoutMS: 10_000,
    thresholds: { high: 95, low: THRESHOLD, break: null },
  };
  mkdirSync(join(root, 'reports', 'mutation'), { recursive: true });
  const configFile = join(root, 'reports', 'mutation', `stryker.${lab.id}.config.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const run = spawnSync(process.execPath, [join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', configFile], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, QC_MUTATION_LAB: lab.id },
  });
  if (run.status !== 0) throw new Error(`Stryker failed on ${lab.id} (exit code ${run.status})`);
  return scoreReport(lab);
}

interface Report {
  files: Record<string, { source?: string; mutants: Mutant[] }>;
  testFiles?: Record<string, { source?: string }>;
}

/**
 * Why a lab's report on disk no longer describes the lab: a mutated file or a test file changed since
 * Stryker ran, or the set of mutated files differs. Empty when the report is current.
 */
export function staleness(lab: Lab, report: Report): string[] {
  const problems: string[] = [];
  const expected = filesToMutate(lab);
  const got = Object.keys(report.files);
  const extra = got.filter((file) => !expected.includes(file));
  // Stryker leaves out a file with nothing to mutate; a module of only re-exports (a barrel) is one.
  const missing = expected.filter((file) => !got.includes(file) && !onlyReExports(join(root, file)));
  if (extra.length || missing.length) problems.push(`it mutated ${got.join(', ')} but the lab now needs ${expected.join(', ')}`);
  const sources = { ...Object.fromEntries(Object.entries(report.files).map(([f, d]) => [f, d.source])), ...Object.fromEntries(Object.entries(report.testFiles ?? {}).map(([f, d]) => [f, d.source])) };
  for (const [file, source] of Object.entries(sources)) {
    const path = join(root, file);
    if (source === undefined) problems.push(`it does not record the text of ${file}`);
    else if (!existsSync(path) || readFileSync(path, 'utf8') !== source) problems.push(`${file} changed since Stryker ran`);
  }
  if (!Object.keys(report.testFiles ?? {}).length) problems.push('it does not record the test files');
  return problems;
}

/** True for a module whose code is only `export … from` and `import` lines (comments aside). */
function onlyReExports(path: string): boolean {
  const code = readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return code
    .split(/;\s*|\n(?=\s*(?:export|import)\b)/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .every((statement) => /^(export|import)\b[\s\S]*\bfrom\s+['"][^'"]+['"]$/.test(statement) || /^export\s*\*\s*from/.test(statement));
}

function scoreReport(lab: Lab): LabScore {
  const files = filesToMutate(lab);
  const reportFile = `reports/mutation/${lab.id}.json`;
  const report = JSON.parse(readFileSync(join(root, reportFile), 'utf8')) as Report;
  const equivalentFile = lab.equivalentMutantsFile;
  const equivalent = existsSync(equivalentFile) ? equivalentSchema.parse(JSON.parse(readFileSync(equivalentFile, 'utf8'))) : [];
  let killed = 0;
  let noCoverage = 0;
  let total = 0;
  const survived: LabScore['survived'] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status === 'CompileError' || m.status === 'Ignored') continue;
      total++;
      if (m.status === 'Killed' || m.status === 'Timeout') killed++;
      else if (m.status === 'NoCoverage') noCoverage++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const line = m.location.start.line;
        const replacement = m.replacement ?? '';
        const known = equivalent.find((e) => e.file === file && e.line === line && e.mutator === m.mutatorName && e.replacement === replacement);
        survived.push({ file, line, mutator: m.mutatorName, replacement, ...(known ? { reason: known.reason } : {}) });
      }
    }
  }
  return { id: lab.id, files, killed, survived, noCoverage, total, score: total ? (100 * killed) / total : 100 };
}

function summary(scores: LabScore[]): string {
  const lines = [
    '# Mutation scores of the labs\' autograders',
    '',
    'Generated by `npm run test:mutation` (Stryker 9 with its Vitest runner, on Node ' + process.versions.node + '). Each lab\'s',
    'tests run against mutants of its reference solution and the course modules it imports; the score is the share of',
    `mutants the tests notice (killed or timed out). A lab needs ${THRESHOLD}% or more.`,
    '',
    '| Lab | Mutated files | Mutants | Killed | Survived | Score |',
    '|---|---|---|---|---|---|',
    ...scores.map((s) => `| \`${s.id}\` | ${s.files.map((f) => `\`${f}\``).join(', ')} | ${s.total} | ${s.killed} | ${s.survived.length} | ${s.score.toFixed(2)}% |`),
    '',
    '## Surviving mutants',
    '',
  ];
  for (const s of scores) {
    lines.push(`### \`${s.id}\``, '');
    if (!s.survived.length) lines.push('None.', '');
    for (const m of s.survived) {
      lines.push(`- \`${m.file}:${m.line}\` ${m.mutator} → \`${m.replacement.replace(/\s+/g, ' ')}\`: ${m.reason ?? '**not yet explained**'}`);
    }
    if (s.survived.length) lines.push('');
  }
  return lines.join('\n');
}

function main(): void {
  const labs = loadLabs(join(root, 'labs'));
  const args = process.argv.slice(2);
  // --from-reports: write the summary from the reports already in reports/mutation/, refusing any that
  // no longer matches the lab's code or tests (so a score is never older than what it scores).
  const fromReports = args.includes('--from-reports');
  const ids = args.filter((a) => a !== '--from-reports');
  const unknown = ids.filter((id) => !labs.some((lab) => lab.id === id));
  if (unknown.length) {
    process.stderr.write(`test:mutation: no lab named ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  const chosen = ids.length ? labs.filter((lab) => ids.includes(lab.id)) : labs;
  if (fromReports) {
    const stale = chosen.flatMap((lab) => {
      const file = join(root, 'reports', 'mutation', `${lab.id}.json`);
      if (!existsSync(file)) return [`${lab.id}: no report (run npm run test:mutation -- ${lab.id})`];
      return staleness(lab, JSON.parse(readFileSync(file, 'utf8')) as Report).map((p) => `${lab.id}: stale report, ${p} (run npm run test:mutation -- ${lab.id})`);
    });
    if (stale.length) {
      process.stderr.write(`${stale.join('\n')}\n`);
      process.exit(1);
    }
  }
  const scores = chosen.map(fromReports ? scoreReport : runLab);
  for (const s of scores) {
    process.stdout.write(`${s.id}: ${s.score.toFixed(2)}% (${s.killed}/${s.total} killed)\n`);
    for (const m of s.survived.filter((x) => !x.reason)) {
      process.stdout.write(`  unexplained survivor: ${m.file}:${m.line} ${m.mutator} → ${m.replacement.replace(/\s+/g, ' ')}\n`);
    }
  }
  if (!ids.length) writeFileSync(join(root, 'docs', 'mutation.md'), `${summary(scores)}\n`);
  const low = scores.filter((s) => s.score < THRESHOLD);
  if (low.length) {
    process.stderr.write(`below ${THRESHOLD}%: ${low.map((s) => s.id).join(', ')}\n`);
    process.exitCode = 1;
  }
}

main();

/**
 * npm run test:mutation [<lab-id>...] — measures how good each lab's autograder is: Stryker (with its
 * Vitest runner) changes the lab's reference solution in small ways (mutants) and counts how many
 * changes the lab's tests notice. A lab passes at a mutation score of 90% or more.
 *
 * The code mutated is the reference solution and the course modules it imports (under src/). Surviving
 * mutants that cannot be told apart from the original (equivalent mutants) are listed, with the reason,
 * in labs/<id>/.meta/equivalent-mutants.json; any other survivor is printed for a human to look at.
 * Writes reports/mutation/<id>.json (Stryker's report) and docs/mutation.md (the summary).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
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
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Type-only imports and re-exports leave no code at run time, so the files they name are not part
    // of what the tests exercise (a model that imports only the Clock type must not pull in ManualClock).
    const code = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
    for (const [, spec] of code.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), spec!);
      const target = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (target) visit(target);
    }
  };
  visit(lab.solutionFile);
  return [...seen]
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
  const report = JSON.parse(readFileSync(join(root, reportFile), 'utf8')) as { files: Record<string, { mutants: Mutant[] }> };
  const equivalentFile = join(lab.dir, '.meta', 'equivalent-mutants.json');
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
  const ids = process.argv.slice(2);
  const unknown = ids.filter((id) => !labs.some((lab) => lab.id === id));
  if (unknown.length) {
    process.stderr.write(`test:mutation: no lab named ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  const chosen = ids.length ? labs.filter((lab) => ids.includes(lab.id)) : labs;
  const scores = chosen.map(runLab);
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

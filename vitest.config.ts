import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { labGuard, labSandbox } from './src/grader/lab-guard';
import { workerExecArgv } from './src/grader/isolation';
import { DEFAULT_TEST_TIMEOUT_MS } from './src/grader/limits';

/**
 * Two projects:
 *   - unit: the course's own tests (models, grader, site helpers);
 *   - labs: the autograder tests in labs/<id>/<id>.test.ts, run against the student's files. The grader
 *     runs this project in a child process it can stop (src/grader/run-tests.ts); students can also run
 *     it directly with `npx vitest labs/<id>` or from VS Code's Vitest extension. Lab code runs in a
 *     child process per test file, under Node's permission model (src/grader/isolation.ts), and may
 *     import only its own files (src/grader/lab-guard.ts).
 * QC_LABS_DIR points the labs project at another folder of labs (the grader's own fixture labs).
 */
const root = import.meta.dirname;
const labsDir = process.env.QC_LABS_DIR ?? 'labs';
const labsPath = isAbsolute(labsDir) ? labsDir : resolve(root, labsDir);
// `npm run grade -- --watch` trades the permission model for speed: its warm Vitest runs lab code in
// threads (a process per save costs about 0.5 s more). Its scores are only shown, never exported; every
// other layer (verdicts from the main process, the import guard, the sandbox) is the same.
const watchMode = process.env.QC_WATCH === '1';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/grader/**/*.test.ts'],
          exclude: ['tests/grader/fixtures/**', 'tests/grader/tmp-*/**'],
          pool: 'threads',
          // A guard against a hang, not a speed check (speed is measured in the benchmarks): the
          // simulation tests take well under a second alone, but npm test runs them beside the site
          // checks on two cores, where Vitest's default 5 s failed them for time alone.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [labGuard({ root, labsDir: labsPath }), labSandbox({ root, labsDir: labsPath })],
        test: {
          name: 'labs',
          root: isAbsolute(labsDir) ? labsDir : undefined,
          include: [`${labsDir}/*/*.test.ts`],
          runner: './src/grader/runner.ts',
          pool: watchMode ? 'threads' : 'forks',
          // Vitest's default is one worker fewer than the cores, which is a single worker on a 2-core
          // laptop: the 13 labs' files then ran one after another while the main process sat idle
          // between its transforms. Each file still gets a process of its own (isolation is per file),
          // so two at a time changes nothing a lab can see; it only uses the second core.
          // QC_LAB_WORKERS overrides it (the lab proofs run two gradings at a time, one worker each).
          ...(watchMode ? {} : { maxWorkers: Number(process.env.QC_LAB_WORKERS) || Math.max(2, availableParallelism() - 1) }),
          execArgv: watchMode ? [] : workerExecArgv(labsPath),
          testTimeout: DEFAULT_TEST_TIMEOUT_MS,
        },
      },
    ],
  },
});

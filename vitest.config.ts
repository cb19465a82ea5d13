import { defineConfig } from 'vitest/config';
import { labTarget } from './src/grader/lab-target';
import { DEFAULT_TEST_TIMEOUT_MS } from './src/grader/limits';

/**
 * Two projects:
 *   - unit: the course's own tests (models, grader, site helpers);
 *   - labs: the autograder tests in labs/<id>/<id>.test.ts, run against the student's files. The grader
 *     runs this project in a child process it can stop (src/grader/run-tests.ts); students can also run
 *     it directly with `npx vitest labs/<id>` or from VS Code's Vitest extension.
 * QC_LABS_DIR points the labs project at another folder of labs (the grader's own fixture labs).
 */
const labsDir = process.env.QC_LABS_DIR ?? 'labs';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/grader/**/*.test.ts'],
          exclude: ['tests/grader/fixtures/**', 'tests/grader/tmp-*/**'],
          pool: 'threads',
        },
      },
      {
        plugins: [labTarget()],
        test: {
          name: 'labs',
          root: labsDir.startsWith('/') ? labsDir : undefined,
          include: [`${labsDir}/*/*.test.ts`],
          runner: './src/grader/runner.ts',
          pool: 'threads',
          testTimeout: DEFAULT_TEST_TIMEOUT_MS,
        },
      },
    ],
  },
});

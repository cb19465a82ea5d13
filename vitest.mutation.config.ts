import { defineConfig } from 'vitest/config';
import { labTarget } from './src/grader/lab-target';
import { LABS_DIR, labPaths } from './src/labs/layout';

/**
 * For mutation testing (tests/mutation/run.ts): one lab's tests, against its reference solution, so
 * that Stryker measures how many changes to the solution the lab's tests notice.
 */
const lab = process.env.QC_MUTATION_LAB;
if (!lab) throw new Error('QC_MUTATION_LAB must name the lab to mutation-test');
process.env.QC_LAB_TARGET = 'reference';

export default defineConfig({
  plugins: [labTarget()],
  test: {
    include: [labPaths(LABS_DIR, lab).testFile],
    pool: 'threads',
    testTimeout: 5000,
  },
});

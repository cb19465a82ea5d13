import { defineConfig } from 'vitest/config';

/**
 * The student edition's proof (`npm run test:edition`), kept out of the unit project: it builds the
 * student site, installs the edition with npm and grades it twice, and running that beside the
 * grader's timing-sensitive tests on a 2-core machine made those flaky. `npm test` runs it after the
 * lab proofs instead.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['tests/edition/**/*.test.ts'],
    pool: 'threads',
  },
});

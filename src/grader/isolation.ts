/**
 * How the labs project's workers are started: each test file runs in its own child process (Vitest's
 * `forks` pool), under Node's permission model, so that lab code
 *
 *   - cannot write any file except the progress file the runner appends to (events.ts);
 *   - cannot start processes or worker threads, load native addons, or use the inspector;
 *   - can read only the installed packages and Vitest's temporary copies of the modules it serves (not
 *     the tests, the answers in `.meta/`, or the course's models, which the worker never needs to read:
 *     Vitest's main process serves every module);
 *   - cannot build code from strings (`eval`, `new Function`), which would step around the sandbox
 *     prelude and the import guard;
 *   - has a fixed heap (WORKER_MEMORY_MB, see workerMemoryMb), so a memory blow-up ends in a crash the grader can name.
 *
 * `--permission` is the flag on Node 22 and later; Node 20 calls it `--experimental-permission`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EVENTS_ENV } from './events';
import { workerMemoryMb } from './limits';

/** The permission model's flag on this Node. */
export function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
}

/** The installed packages' folder (where Vitest itself is). */
function nodeModules(): string {
  const require = createRequire(import.meta.url);
  return dirname(dirname(require.resolve('vitest/package.json')));
}

/**
 * The Node options of a labs worker. Besides the packages and Vitest's temporary copies, a worker may
 * read each lab's `__snapshots__` folder, which Vitest looks for before a file runs (the labs have none).
 */
export function workerExecArgv(labsDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const labs = existsSync(labsDir) ? readdirSync(labsDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  const reads = [...new Set([`${nodeModules()}/*`, `${tmpdir()}/*`, ...labs.map((d) => `${join(labsDir, d.name, '__snapshots__')}/*`)])];
  const eventsFile = env[EVENTS_ENV];
  return [
    permissionFlag(),
    // Node 20 stops with an assertion when a path is given twice: `reads` has no duplicates.
    ...reads.map((path) => `--allow-fs-read=${path}`),
    ...(eventsFile ? [`--allow-fs-write=${eventsFile}`] : []),
    '--disallow-code-generation-from-strings',
    `--max-old-space-size=${workerMemoryMb(env)}`,
    '--disable-warning=ExperimentalWarning',
  ];
}

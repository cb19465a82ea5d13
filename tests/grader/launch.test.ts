/**
 * src/grader/launch.mjs — `npm run grade` runs the grader as a bundle kept in a cache: the bundle must
 * behave as the sources do, be rebuilt when they change, and never be used when it is not the one the
 * cache recorded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cache = join(root, 'node_modules', '.cache', 'queues-and-caches', `launch-test-${process.pid}`);
const index = join(cache, 'index.json');

function launch(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'src/grader/launch.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, QC_GRADER_CACHE: cache, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function throughTsx(...args: string[]): string {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/grader/cli.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }).stdout;
}

const bundleFile = (): string => join(cache, `${(JSON.parse(readFileSync(index, 'utf8')) as { key: string }).key}.mjs`);

beforeAll(() => {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('the grader launcher', () => {
  it('builds the bundle on first use and prints what the grader run through tsx prints', () => {
    const first = launch('--help');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(throughTsx('--help'));
    expect(existsSync(bundleFile())).toBe(true);
    const inputs = (JSON.parse(readFileSync(index, 'utf8')) as { inputs: string[] }).inputs;
    expect(inputs).toContain('src/grader/cli.ts');
    expect(inputs).toContain('src/grader/grade.ts');
  });

  it('uses the cached bundle while the sources are unchanged', () => {
    const before = statSync(bundleFile()).mtimeMs;
    expect(launch('--help').status).toBe(0);
    expect(statSync(bundleFile()).mtimeMs).toBe(before);
  });

  it('never runs a bundle that differs from the one it recorded', () => {
    writeFileSync(bundleFile(), "process.stdout.write('forged\\n');\n");
    const run = launch('--help');
    expect(run.stdout).not.toContain('forged');
    expect(run.stdout).toBe(throughTsx('--help'));
  });

  it('rebuilds when a source is not what the key was made from', () => {
    const recorded = JSON.parse(readFileSync(index, 'utf8')) as { key: string };
    writeFileSync(index, JSON.stringify({ ...recorded, key: '0'.repeat(64) }));
    const run = launch('--help');
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(readFileSync(index, 'utf8')) as { key: string }).key).toBe(recorded.key);
  });

  it('leaves no temporary files and no earlier bundles behind', () => {
    writeFileSync(join(cache, `${'1'.repeat(64)}.mjs`), '// a bundle of earlier sources\n');
    const recorded = JSON.parse(readFileSync(index, 'utf8')) as { key: string };
    writeFileSync(index, JSON.stringify({ ...recorded, key: '0'.repeat(64) }));
    expect(launch('--help').status).toBe(0);
    expect(readdirSync(cache).sort()).toEqual([`${recorded.key}.mjs`, 'index.json']);
  });
});

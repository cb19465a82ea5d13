/**
 * Parity between the lesson page's runner and the grader (issue 15): runs a lab's unmodified tests the
 * way the page does — bundled with the Vitest shim (src/labs/browser/bundle.ts), the code transpiled
 * with sucrase and loaded in a worker (worker-core.ts, here in a worker_threads Worker), timeouts and
 * reruns by controller.ts, scored by src/grader/scoring.ts — and compares the result with the grader's
 * GradedLab test by test. `npm run test:labs` (prove.ts) checks it for every lab on the starter, the
 * reference and every known mistake, reusing the gradings it already made.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { Lab } from '../labs/catalog';
import { bundleLabCode, bundleLabTests } from '../labs/browser/bundle';
import { runLabInPage, type PageRun, type WorkerLike } from '../labs/browser/controller';
import type { GradedLab } from '../grader/scoring';
import { root } from './generated';

/** A temporary folder with the Node worker and each lab's test bundle, built once per check. */
export class PageHarness {
  readonly #dir = mkdtempSync(join(tmpdir(), 'qc-parity-'));
  readonly #tests = new Map<string, Promise<string>>();
  /** Workers whose last run ended normally, ready for another. */
  readonly #idle: Worker[] = [];
  #worker: Promise<string> | undefined;

  #workerFile(): Promise<string> {
    this.#worker ??= build({
      entryPoints: [join(root, 'src/labs/browser/node-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(this.#dir, 'worker.mjs'),
      logLevel: 'silent',
    }).then(() => join(this.#dir, 'worker.mjs'));
    return this.#worker;
  }

  testsUrl(lab: Lab): Promise<string> {
    let url = this.#tests.get(lab.id);
    if (!url) {
      url = bundleLabTests({ id: lab.id, testFile: lab.testFile }).then((code) => {
        const file = join(this.#dir, `${lab.id}.tests.mjs`);
        writeFileSync(file, code);
        return pathToFileURL(file).href;
      });
      this.#tests.set(lab.id, url);
    }
    return url;
  }

  /** Grades `file` (the student's TypeScript, or a file bundled first when it imports others) as the page does. */
  async run(lab: Lab, file: string, options: { bundle: boolean; graceMs?: number }): Promise<PageRun> {
    const [workerFile, testsUrl] = await Promise.all([this.#workerFile(), this.testsUrl(lab)]);
    const code = options.bundle ? await bundleLabCode(file) : readFileSync(file, 'utf8');
    let runs = 0;
    return runLabInPage({
      lab,
      code,
      testsUrl,
      locate: !options.bundle,
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
      spawn: () => {
        runs++;
        return this.#adapt(this.#idle.pop() ?? new Worker(workerFile));
      },
    }).then((run) => ({ ...run, rounds: runs }));
  }

  #adapt(worker: Worker): WorkerLike {
    const like: WorkerLike = {
      postMessage: (message) => worker.postMessage(message),
      terminate: () => void worker.terminate(),
      release: () => {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        this.#idle.push(worker);
      },
      onmessage: null,
      onerror: null,
    };
    worker.on('message', (data) => like.onmessage?.({ data }));
    worker.on('error', (error) => like.onerror?.({ message: error.message }));
    return like;
  }

  close(): void {
    for (const worker of this.#idle.splice(0)) void worker.terminate();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** How the page's result differs from the grader's, test by test (empty when they agree). */
export function differences(page: GradedLab, grader: GradedLab): string[] {
  const out: string[] = [];
  if (page.score !== grader.score) out.push(`score: page ${page.score}, grader ${grader.score}`);
  if ((page.diagnosis ?? '') !== (grader.diagnosis ?? '')) out.push(`diagnosis: page ${JSON.stringify(page.diagnosis)}, grader ${JSON.stringify(grader.diagnosis)}`);
  grader.tests.forEach((want, i) => {
    const got = page.tests[i];
    if (!got) return void out.push(`"${want.name}": missing on the page`);
    for (const key of ['status', 'points', 'message'] as const) {
      if (got[key] !== want[key]) out.push(`"${want.name}" ${key}: page ${JSON.stringify(got[key])}, grader ${JSON.stringify(want[key])}`);
    }
    if (JSON.stringify(got.logs ?? []) !== JSON.stringify(want.logs ?? [])) out.push(`"${want.name}" logs differ`);
  });
  return out;
}


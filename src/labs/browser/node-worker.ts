/**
 * The lab worker for Node's worker_threads: the same worker-core.ts as the page's Web Worker, with the
 * student's module loaded from a data: URL instead of a blob: URL. Used by the parity check
 * (src/dev/parity.ts), which bundles this file with esbuild so that a worker starts in milliseconds.
 */
import { parentPort } from 'node:worker_threads';
import { transform } from 'sucrase';
import type { RunMessage } from './protocol';
import { runInWorker } from './worker-core';

const port = parentPort!;
// The parity check reuses a worker for run after run when nothing hung (a worker per run costs more
// than most runs): each run gets fresh module instances — the student's module from a data: URL made
// unique per run, the test bundle (with its own shim and fast-check) under a new query string.
let runs = 0;
let unhandled: ((kind: string, error: unknown) => void) | undefined;
process.on('unhandledRejection', (error) => unhandled?.('Unhandled Rejection', error));
process.on('uncaughtException', (error) => unhandled?.('Uncaught Exception', error));
port.on('message', (message: RunMessage) => {
  const run = ++runs;
  void runInWorker(message, {
    post: (m) => port.postMessage(m),
    transpile: (code) => transform(code, { transforms: ['typescript'], disableESTransforms: true, production: true }).code,
    moduleUrl: (code) => `data:text/javascript;base64,${Buffer.from(`${code}\n//# run ${run}`).toString('base64')}`,
    importModule: (url) => import(url) as Promise<Record<string, unknown>>,
    importTests: (url) => import(`${url}?run=${run}`),
    onUnhandled: (listener) => {
      unhandled = listener;
    },
  });
});

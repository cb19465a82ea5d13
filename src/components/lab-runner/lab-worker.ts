/**
 * The module Web Worker that runs a lab's tests on a lesson page (issue 15): sucrase turns the
 * student's TypeScript into JavaScript (types removed, line numbers kept), the result is imported from
 * a blob: URL, and the lab's test bundle (built by src/labs/browser/integration.ts) runs against it.
 * Everything else is src/labs/browser/worker-core.ts, shared with the Node parity check.
 */
import { transform } from 'sucrase';
import type { RunMessage } from '../../labs/browser/protocol';
import { runInWorker } from '../../labs/browser/worker-core';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: Event & { reason?: unknown; error?: unknown }) => void): void;
  onmessage: ((event: MessageEvent<RunMessage>) => void) | null;
};

scope.onmessage = (event) => {
  scope.onmessage = null;
  void runInWorker(event.data, {
    post: (message) => scope.postMessage(message),
    transpile: (code) => transform(code, { transforms: ['typescript'], disableESTransforms: true, production: true }).code,
    moduleUrl: (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
    importModule: (url) => import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>,
    importTests: (url) => import(/* @vite-ignore */ url),
    onUnhandled: (listener) => {
      scope.addEventListener('unhandledrejection', (e) => {
        e.preventDefault();
        listener('Unhandled Rejection', e.reason);
      });
      scope.addEventListener('error', (e) => {
        e.preventDefault();
        listener('Uncaught Exception', e.error);
      });
    },
  });
};

/**
 * Messages between the lesson page (controller.ts) and the worker that runs a lab's tests
 * (worker-core.ts). No Node API: shared by the browser worker and the Node parity check.
 */
import type { SerializedError } from '../../grader/events';

export interface RunMessage {
  type: 'run';
  /** The student's TypeScript (or, for the parity check, an already bundled module). */
  code: string;
  /** Where the lab's test bundle is (bundle.ts). */
  testsUrl: string;
  /** lab.json's timeoutMs: Vitest's testTimeout. */
  timeoutMs: number;
  /** Tests already scored in an earlier worker, not to run again. */
  skip: string[];
}

export type WorkerMessage =
  /** The worker is alive (sent every HEARTBEAT_MS while it loads, and between tests). */
  | { type: 'alive' }
  /** The student's code could not be turned into JavaScript. */
  | { type: 'syntax'; message: string; line?: number; column?: number }
  /** The page's Content-Security-Policy does not let a worker import a blob: module. */
  | { type: 'blocked' }
  /** The URL the student's module was loaded from (its stack frames name it). */
  | { type: 'module'; url: string }
  /** The student's module threw (or the tests' modules failed) while loading. */
  | { type: 'load-error'; error: SerializedError }
  /** The student's module does not export names the tests import. */
  | { type: 'missing-exports'; names: string[] }
  /** The tests, in order, and the lab functions each calls (for the grader's after-a-hang rule). */
  | { type: 'collected'; tests: string[]; calls?: Record<string, string[]> }
  | { type: 'start'; name: string }
  | { type: 'verdict'; name: string; state: 'passed' | 'failed'; error?: SerializedError; logs?: string[]; durationMs: number }
  | { type: 'unhandled'; test?: string; kind: string; error: SerializedError }
  | { type: 'done' };

export const HEARTBEAT_MS = 250;

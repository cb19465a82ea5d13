/**
 * The labs' Vitest test runner: Vitest's own runner, plus two things the grader needs from inside the
 * worker. It writes a progress event before and after each step (see events.ts), synchronously, so the
 * grader can tell which test was running if the worker stops answering; and it skips the tests the
 * grader has already scored when it reruns a file after a timeout. With neither variable set (as when a
 * student runs `npx vitest`), it behaves exactly like Vitest's runner.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { TestRunner, type RunnerTask as Task, type RunnerTestCase as Test, type RunnerTestFile as File, type RunnerTestSuite as Suite } from 'vitest';
import { EVENTS_ENV, SKIP_ENV, type GraderEvent, type SerializedError } from './events';

const eventsFile = process.env[EVENTS_ENV];
const skipByFile: Record<string, string[]> = process.env[SKIP_ENV]
  ? (JSON.parse(readFileSync(process.env[SKIP_ENV], 'utf8')) as Record<string, string[]>)
  : {};

function emit(event: GraderEvent): void {
  if (eventsFile) appendFileSync(eventsFile, `${JSON.stringify(event)}\n`);
}

/** The test's full name as the grader keys it: its describe names and its own name, joined by " > ". */
export function fullName(task: Task): string {
  const names: string[] = [];
  for (let t: Task | undefined = task; t && t !== task.file; t = t.suite) names.unshift(t.name);
  return names.join(' > ');
}

function tests(suite: Suite): Test[] {
  return suite.tasks.flatMap((task) => (task.type === 'test' ? [task] : task.type === 'suite' ? tests(task) : []));
}

function serialize(error: unknown): SerializedError | undefined {
  if (!error || typeof error !== 'object') return error === undefined ? undefined : { name: 'Error', message: String(error) };
  const { name, message, stack, expected, actual } = error as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof stack === 'string' ? { stack } : {}),
    ...(typeof expected === 'string' && typeof actual === 'string' ? { expected, actual } : {}),
  };
}

export default class GraderRunner extends TestRunner {
  override onCollectStart(file: File): void {
    emit({ type: 'collect-start', file: file.filepath, at: Date.now() });
    super.onCollectStart(file);
  }

  onCollected(files: File[]): void {
    for (const file of files) {
      emit({
        type: 'collected',
        file: file.filepath,
        at: Date.now(),
        tests: tests(file).map(fullName),
        ...(file.result?.state === 'fail' ? { error: serialize(file.result.errors?.[0]) } : {}),
      });
    }
  }

  override async onBeforeRunTask(test: Task): Promise<void> {
    if (test.type === 'test') {
      const skip = skipByFile[test.file.filepath];
      if (skip?.includes(fullName(test))) test.mode = 'skip';
      else if (test.mode === 'run' || test.mode === 'queued') {
        emit({ type: 'test-start', file: test.file.filepath, at: Date.now(), name: fullName(test) });
      }
    }
    await super.onBeforeRunTask(test);
  }

  override onAfterRunTask(test: Task): void {
    super.onAfterRunTask(test);
    const state = test.result?.state;
    if (test.type === 'test' && (state === 'pass' || state === 'fail')) {
      emit({
        type: 'test-end',
        file: test.file.filepath,
        at: Date.now(),
        name: fullName(test),
        state,
        ...(state === 'fail' ? { error: serialize(test.result?.errors?.[0]) } : {}),
      });
    }
  }

  override async onAfterRunSuite(suite: Suite): Promise<void> {
    await super.onAfterRunSuite(suite);
    if (suite === suite.file) {
      emit({
        type: 'file-end',
        file: suite.file.filepath,
        at: Date.now(),
        ...(suite.result?.state === 'fail' && suite.result.errors?.length ? { error: serialize(suite.result.errors[0]) } : {}),
      });
    }
  }
}

/**
 * Assertions shared by the labs' autograder tests. Each failure message says, in words, what was
 * expected and what was got, because a student reads it in the grader's report.
 */
import { assert } from 'vitest';

/** A short description of any thrown value or result, for failure messages. */
export function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Calls `call` and checks that it throws a RangeError whose message mentions `argument`.
 * @param what how the call reads in a message, e.g. `littlesLaw(-1, 0.2)`
 */
export function expectRangeError(what: string, call: () => unknown, argument: string): void {
  let result: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    result = call();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (!threw) {
    assert.fail(`${what} should throw a RangeError naming "${argument}", but it returned ${describeValue(result)}`);
  }
  if (!(thrown instanceof RangeError)) {
    assert.fail(`${what} should throw a RangeError naming "${argument}", but it threw ${describeValue(thrown)}`);
  }
  if (!thrown.message.includes(argument)) {
    assert.fail(`${what} threw a RangeError, but its message should name "${argument}"; it said: ${JSON.stringify(thrown.message)}`);
  }
}

/** Checks that `got` is within `tolerance` of `want`, with a message in words. */
export function expectClose(what: string, got: unknown, want: number, tolerance = 1e-9): void {
  if (typeof got !== 'number' || !(Math.abs(got - want) <= tolerance)) {
    assert.fail(`${what} should be ${want} (within ${tolerance}), but it was ${describeValue(got)}`);
  }
}

/** Checks that `got` is exactly `want`, with a message in words. */
export function expectExactly(what: string, got: unknown, want: unknown): void {
  if (!Object.is(got, want)) {
    assert.fail(`${what} should be ${describeValue(want)}, but it was ${describeValue(got)}`);
  }
}

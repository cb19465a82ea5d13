import { describe, expect, it } from 'vitest';
import { describeTestError, inWords, locate } from './diagnose';

describe('inWords', () => {
  it.each([
    ['expected 5 to be 10 // Object.is equality', 'expected 10, but got 5'],
    ['minServers: expected 100 to be 101 // Object.is equality', 'minServers: expected 101, but got 100'],
    ["expected [ 1, 2 ] to deeply equal [ 1, 3 ]", 'expected [ 1, 3 ], but got [ 1, 2 ]'],
    ['plan.inService should be 100 (within 1e-9), but it was 1000', 'plan.inService should be 100 (within 1e-9), but it was 1000'],
  ])('%j → %j', (message, words) => {
    expect(inWords(message)).toBe(words);
  });
});

describe('describeTestError', () => {
  const root = '/course';
  const student = '/course/labs/x/x.ts';

  it('says a function is not started yet when it still throws "not implemented"', () => {
    expect(describeTestError({ name: 'Error', message: 'not implemented: f' }, student, root)).toBe('not started yet: `f` still throws "not implemented"');
  });

  it("says an untouched class is not started yet, even when the lab's assertion wraps the error", () => {
    const message = 'new RetryQueue(…) should not throw, but it threw Error: not implemented: constructor';
    expect(describeTestError({ name: 'AssertionError', message }, student, root)).toBe('not started yet: `constructor` still throws "not implemented"');
  });

  it('describes a thrown value that is not an Error', () => {
    expect(describeTestError({ name: 'NonErrorThrown', message: 'threw the number 42, not an Error', stack: 'at f (/course/labs/x/x.ts:3:5)' }, student, root)).toBe(
      'your code threw the number 42, not an Error: throw an Error (or a RangeError, TypeError…) so that callers can tell what went wrong (at labs/x/x.ts:3:5)',
    );
  });

  it('points at a helper file of the lab, not only the lab file, and never at the tests or .meta', () => {
    const error = { name: 'TypeError', message: 'x is not a function', stack: 'TypeError\n    at /course/labs/x/x.test.ts:3:1\n    at g (/course/labs/x/.meta/solution.ts:2:2)\n    at h (file:///course/labs/x/helpers/math.ts:7:11)' };
    expect(locate(error, student, root)).toBe('labs/x/helpers/math.ts:7:11');
  });

  it('points at the line of the student file where an unexpected error was thrown', () => {
    const error = { name: 'TypeError', message: "Cannot read properties of undefined (reading 'x')", stack: 'TypeError: …\n    at f (/course/labs/x/x.ts:12:7)\n    at /course/labs/x/x.test.ts:3:1' };
    expect(describeTestError(error, student, root)).toBe("TypeError: Cannot read properties of undefined (reading 'x') (at labs/x/x.ts:12:7)");
    expect(locate(error, student, root)).toBe('labs/x/x.ts:12:7');
  });

  it("shows a property test's counterexample and its error instead of fast-check's whole report", () => {
    const message = 'Property failed after 3 tests\n{ seed: 1, path: "2", endOnFailure: true }\nCounterexample: [20,2000]\nShrunk 4 time(s)\nGot error: Error: f(2000, 20) = 100, but 100 servers would not be stable\n\nStack trace: …';
    expect(describeTestError({ name: 'Error', message }, student, root)).toBe(
      'Error: f(2000, 20) = 100, but 100 servers would not be stable (counterexample: [20,2000])',
    );
  });
});

/**
 * The grader's scoring rules and its sentences, with no Node import: shared by the CLI grader
 * (grade.ts, diagnose.ts) and the lesson pages' in-browser runner (src/labs/browser/), so that the two
 * cannot drift. Paths are passed in as plain strings; finding a location in a stack is the caller's
 * (a `Locator`), since the CLI sees file paths and the page sees blob: URLs.
 */
import type { SerializedError } from './events';

/** Turns anything thrown into a SerializedError, describing values that are not Errors. */
export function serializeError(error: unknown): SerializedError {
  if (error && typeof error === 'object') {
    const { name, message, stack, expected, actual } = error as Record<string, unknown>;
    if (typeof message === 'string') {
      return {
        name: typeof name === 'string' ? name : 'Error',
        message,
        ...(typeof stack === 'string' ? { stack } : {}),
        ...(typeof expected === 'string' && typeof actual === 'string' ? { expected, actual } : {}),
      };
    }
  }
  return { name: 'NonError', message: describeThrown(error) };
}

/** "the number 42", "the string \"oops\"", "undefined": what a non-Error throw was. */
export function describeThrown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'string':
      return `the string ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'symbol':
      return `a symbol (${String(value)})`;
    case 'function':
      return 'a function';
    default:
      try {
        const json = JSON.stringify(value);
        return `the object ${json && json.length > 80 ? `${json.slice(0, 80)}…` : json}`;
      } catch {
        return 'an object';
      }
  }
}

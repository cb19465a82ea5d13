/**
 * Argument guards shared by the models. Each throws a RangeError whose message names the argument,
 * says what was expected, and shows what was got, so that bad input never turns into NaN downstream.
 */

/** Throws unless `value` is a finite number >= 0. */
export function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0 (got ${value})`);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0. */
export function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0 (got ${value})`);
  }
  return value;
}

/** Throws unless `value` is an integer >= `min`. */
export function integerAtLeast(name: string, value: number, min: number): number {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer >= ${min} (got ${value})`);
  }
  return value;
}

/** Throws unless `value` lies strictly between 0 and 1. */
export function openUnitInterval(name: string, value: number): number {
  if (!(value > 0 && value < 1)) {
    throw new RangeError(`${name} must be strictly between 0 and 1 (got ${value})`);
  }
  return value;
}

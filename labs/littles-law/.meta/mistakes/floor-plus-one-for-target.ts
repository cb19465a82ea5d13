// Classic mistake: reusing the strict stability rule for a target, so an exact hit of the target gets one server too many.
export * from '../solution';

export function serversForUtilization(arrivalRate: number, serviceRate: number, target: number): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1) (got ${target})`);
  return Math.max(1, Math.floor(arrivalRate / serviceRate / target) + 1);
}

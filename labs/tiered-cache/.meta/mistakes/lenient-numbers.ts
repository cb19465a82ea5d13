// Classic mistake: delta-seconds are read with parseInt, so max-age=1.5 gives 1 s and max-age=-5 gives −5 s.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { lenientNumbers: true });
}

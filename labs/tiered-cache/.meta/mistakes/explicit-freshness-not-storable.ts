// Classic mistake: only the heuristic list and public make a response storable; a 302 with max-age is not stored.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { explicitFreshnessIgnoredForStoring: true });
}

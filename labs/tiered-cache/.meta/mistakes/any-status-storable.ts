// Classic mistake: every status is storable without explicit freshness, not only the heuristically cacheable ones.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { anyStatusStorable: true });
}

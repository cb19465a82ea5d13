// Classic mistake: s-maxage does not stop the stale windows, though it implies proxy-revalidate at a shared cache.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { sMaxageAllowsStale: true });
}

// Classic mistake: a response without explicit freshness gets 10 % of Date − Last-Modified, a heuristic this lab does not use.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { heuristicFreshness: true });
}

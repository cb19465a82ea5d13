// Classic mistake: no-cache is ignored for freshness, so max-age lets the edge serve without asking the origin.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { noCacheStillFresh: true });
}

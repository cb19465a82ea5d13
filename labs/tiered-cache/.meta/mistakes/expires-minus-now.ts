// Classic mistake: the lifetime is Expires − now (the edge's clock) instead of Expires − Date (the origin's), so clock skew changes it.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { expiresMinusNow: true });
}

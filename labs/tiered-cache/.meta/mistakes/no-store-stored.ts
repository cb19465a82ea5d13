// Classic mistake: no-store is ignored, so a response that must never be kept is stored.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { noStoreIgnored: true });
}

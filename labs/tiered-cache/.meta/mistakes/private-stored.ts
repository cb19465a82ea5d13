// Classic mistake: private is ignored, so a shared cache stores (and would serve to everyone) a response meant for one user.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { privateIgnored: true });
}

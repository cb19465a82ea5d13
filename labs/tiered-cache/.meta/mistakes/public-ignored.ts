// Classic mistake: public does not make a response storable, so a public 500 without freshness is not stored.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { publicIgnored: true });
}

// Classic mistake: no-cache is taken to mean "do not store", which is no-store.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { noCacheNotStorable: true });
}

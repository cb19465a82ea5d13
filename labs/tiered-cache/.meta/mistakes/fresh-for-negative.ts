// Classic mistake: freshFor is lifetime − age even when that is negative.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { noClamp: true });
}

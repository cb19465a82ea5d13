// Classic mistake: stale-while-revalidate and stale-if-error are read into each other's field.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { windowsSwapped: true });
}

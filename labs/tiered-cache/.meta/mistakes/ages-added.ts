// Classic mistake: the Age field and now − Date are added up instead of taking the larger, counting the same seconds twice.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { agesAdded: true });
}

// Classic mistake: Date is not used for the current age, so a response generated 15 s ago without an Age field counts as new.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { dateAgeIgnored: true });
}

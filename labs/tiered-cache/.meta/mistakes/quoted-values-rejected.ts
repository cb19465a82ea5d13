// Classic mistake: a quoted value such as max-age="60" is treated as invalid.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { quotedValuesRejected: true });
}

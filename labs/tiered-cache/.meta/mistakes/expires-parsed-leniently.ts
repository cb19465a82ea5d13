// Classic mistake: Expires is read with Date.parse alone, so "0" becomes 1 January 2000 instead of "already expired".
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { expiresParsedLeniently: true });
}

// Classic mistake: directive names are compared as sent, so Max-Age or No-Store are not recognised.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { caseSensitiveNames: true });
}

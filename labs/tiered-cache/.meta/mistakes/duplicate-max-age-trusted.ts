// Classic mistake: of two max-age directives the first is trusted, where this lab treats the response as stale.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { duplicatesTrusted: true });
}

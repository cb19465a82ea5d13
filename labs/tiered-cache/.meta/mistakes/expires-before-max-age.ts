// Classic mistake: Expires − Date is used even when max-age is present, which RFC 9111 §5.3 says to ignore.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { expiresBeforeMaxAge: true });
}

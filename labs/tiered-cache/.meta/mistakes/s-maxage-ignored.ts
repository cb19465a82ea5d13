// Classic mistake: s-maxage is not read, so a shared cache keeps max-age (the browser's lifetime) instead of the one meant for it.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { sMaxageIgnored: true });
}

// Classic mistake: no-cache does not stop the stale windows.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { noCacheAllowsStale: true });
}

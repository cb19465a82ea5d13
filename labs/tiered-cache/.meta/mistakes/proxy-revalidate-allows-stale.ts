// Classic mistake: proxy-revalidate does not stop the stale windows at a shared cache.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { proxyRevalidateIgnored: true });
}

// Classic mistake: the Age field is ignored, so a copy that spent 50 s in another cache counts as brand new.
import { variantDecision } from '../support/variants';
export * from '../solution';

export function edgeDecision(status: number, headers: Record<string, string>, now: number) {
  return variantDecision(status, headers, now, { ageFieldIgnored: true });
}

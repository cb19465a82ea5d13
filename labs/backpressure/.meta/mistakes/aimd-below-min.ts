// Classic mistake: no floor at minLimit, so a run of drops can shrink the limit below it.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override bound(limit: number): number {
    return Math.min(this.maxLimit, Math.max(1, limit));
  }
}

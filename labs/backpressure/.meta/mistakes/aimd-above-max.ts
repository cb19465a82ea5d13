// Classic mistake: no cap at maxLimit, so a long run of successes grows the limit past it.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override bound(limit: number): number {
    return Math.max(this.minLimit, limit);
  }
}

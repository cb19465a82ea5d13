// Classic mistake: rounding the backoff up, so a limit of 9 at 0.9 (8.1) never shrinks.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override backoff(limit: number): number {
    return Math.ceil(limit * this.backoffRatio);
  }
}

// Subtle mistake: reads the in-flight count when the permit is released instead of when it was granted, unlike Netflix's limiter.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override grows(_inFlightAtStart: number, limit: number): boolean {
    // inFlightNow no longer counts the request being released, so add it back.
    return 2 * (this.inFlightNow + 1) >= limit;
  }
}

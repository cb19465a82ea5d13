// Classic mistake: no floor at 0, so a long outage leaves a debt that successes must repay first.
import { VariantThrottle } from '../support/variants';
export * from '../solution';

export class RetryThrottle extends VariantThrottle {
  protected override clamp(tokens: number): number {
    return Math.min(this.maxTokens, tokens);
  }
}

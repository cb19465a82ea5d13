// Classic mistake: retries allowed at exactly maxTokens / 2 (>= instead of >), one failure too many.
import { VariantThrottle } from '../support/variants';
export * from '../solution';

export class RetryThrottle extends VariantThrottle {
  protected override aboveThreshold(tokens: number): boolean {
    return tokens >= this.maxTokens / 2;
  }
}

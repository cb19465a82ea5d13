// Classic mistake: no cap at maxTokens, so a long healthy spell banks credit for a storm of retries later.
import { VariantThrottle } from '../support/variants';
export * from '../solution';

export class RetryThrottle extends VariantThrottle {
  protected override clamp(tokens: number): number {
    return Math.max(0, tokens);
  }
}

// Classic mistake: the bucket starts empty, so a new client may not retry until it has many successes.
import { VariantThrottle } from '../support/variants';
export * from '../solution';

export class RetryThrottle extends VariantThrottle {
  protected override initial(): number {
    return 0;
  }
}

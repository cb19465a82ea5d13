// Classic mistake: once open, the breaker never half-opens, so the dependency is cut off for good.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override halfOpenDue(): boolean {
    return false;
  }
}

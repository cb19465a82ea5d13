// Classic mistake: a success does not reset the failure count, so scattered failures add up and trip a healthy breaker.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override successWhileClosed(): void {}
}

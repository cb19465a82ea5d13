// Off-by-one mistake: trips on the failure after failureThreshold (> where >= belongs).
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override trips(): boolean {
    return this.failures > this.options.failureThreshold;
  }
}

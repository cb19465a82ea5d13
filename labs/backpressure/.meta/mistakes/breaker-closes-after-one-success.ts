// Classic mistake: half-open closes after the first successful trial, even when trialCalls asks for more.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override closes(): boolean {
    return this.successes >= 1;
  }
}

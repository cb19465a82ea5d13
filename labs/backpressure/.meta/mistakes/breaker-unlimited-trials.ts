// Classic mistake: half-open lets every call through, so a recovering dependency meets the whole backlog at once.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override admitsTrial(): boolean {
    return true;
  }
}

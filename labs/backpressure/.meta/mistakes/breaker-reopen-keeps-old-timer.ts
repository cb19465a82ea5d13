// Subtle mistake: a failed trial reopens the breaker but keeps the old opening time, so it half-opens again at once.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override reopen(): void {
    this.currentState = 'open';
  }
}

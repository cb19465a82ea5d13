// Classic mistake: failures reported while open (from calls made before it opened) restart the open period.
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override failureWhileOpen(): void {
    this.open();
  }
}

// Off-by-one mistake: half-opens only after more than openDurationMs (> where >= belongs).
import { VariantBreaker } from '../support/variants';
export * from '../solution';

export class CircuitBreaker extends VariantBreaker {
  protected override halfOpenDue(elapsedMs: number): boolean {
    return elapsedMs > this.options.openDurationMs;
  }
}

// Classic mistake: a success is a success however slow, so a latency collapse never lowers the limit.
import { VariantLimiter } from '../support/variants';
import { type Outcome } from '../solution';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override isDrop(outcome: Outcome): boolean {
    return outcome === 'dropped';
  }
}

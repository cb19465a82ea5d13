// Classic mistake: releasing a permit twice frees two slots, so more requests run than the limit allows.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override refusesSecondRelease(): boolean {
    return false;
  }
}

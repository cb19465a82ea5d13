// Classic mistake: an 'ignored' outcome is scored like a success (or a drop, when slow), so cancellations move the limit.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override skipsIgnored(): boolean {
    return false;
  }
}

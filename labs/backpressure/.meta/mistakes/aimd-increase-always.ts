// Classic mistake: adds 1 on every success, even when most of the limit was unused, so the limit grows without evidence.
import { VariantLimiter } from '../support/variants';
export * from '../solution';

export class AimdLimiter extends VariantLimiter {
  protected override grows(): boolean {
    return true;
  }
}

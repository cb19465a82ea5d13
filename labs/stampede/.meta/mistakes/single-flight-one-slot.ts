// Classic mistake: one in-flight slot for all keys, so a caller for key b gets the value loaded for key a.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  protected override slot(): string {
    return '';
  }
}

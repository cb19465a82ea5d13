// Classic mistake: load().finally(…) lets a load that throws synchronously escape coalesce as a thrown
// error instead of a rejected promise.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  protected override start<T>(load: () => Promise<T>): Promise<T> {
    return load();
  }
}

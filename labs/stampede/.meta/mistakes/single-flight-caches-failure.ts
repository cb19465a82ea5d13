// Classic mistake: the in-flight entry is removed only when the load succeeds, so a failed load stays
// "in flight" for ever and every later caller gets its old error without a new attempt.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  protected override share<T>(slot: string, started: Promise<T>): Promise<T> {
    return started.then((value) => {
      this.inFlight.delete(slot);
      return value;
    });
  }
}

// Classic mistake: a successful load stays in the table, so single-flight turns into a cache that never
// expires: the next call, long after, gets the old value without a new load.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  protected override share<T>(slot: string, started: Promise<T>): Promise<T> {
    return started.catch((error: unknown) => {
      this.inFlight.delete(slot);
      throw error;
    });
  }
}

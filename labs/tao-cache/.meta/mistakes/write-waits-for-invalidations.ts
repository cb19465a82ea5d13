// Classic mistake: a write does not return until its invalidations have reached every other region, so its latency includes the longest replication lag.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override waitsForInvalidations(): boolean {
    return true;
  }
}

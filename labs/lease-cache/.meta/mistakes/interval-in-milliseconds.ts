// Classic mistake: a default of 10 000 (milliseconds) for an interval counted in seconds, so a lease
// blocks its key for almost three hours.
import { VariantLeaseCache } from '../support/variant';
import { type LeaseCacheOptions } from '../solution';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override intervalOf(options: LeaseCacheOptions): number {
    return options.leaseInterval ?? 10_000;
  }
}

// Classic mistake: wait answers never carry the deleted value, so readers that could use it have to wait.
import { VariantLeaseCache } from '../support/variant';
import { type LeaseGet } from '../solution';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override waitAnswer(): LeaseGet<V> {
    return { kind: 'wait' };
  }
}

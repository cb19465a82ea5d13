// Classic mistake: one stale slot for the whole cache, so a wait on one key can be offered another key's
// deleted value.
import { VariantLeaseCache } from '../support/variant';
import { type LeaseGet } from '../solution';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override keepStale(key: string): void {
    if (this.values.has(key)) this.stale.set('', this.values.get(key) as V);
  }

  protected override waitAnswer(): LeaseGet<V> {
    return this.stale.has('') ? { kind: 'wait', stale: this.stale.get('') as V } : { kind: 'wait' };
  }
}

// Classic mistake: a successful set leaves its lease outstanding, so the same token can set again (after a
// delete, too: a later stale set).
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override useUp(): void {}
}

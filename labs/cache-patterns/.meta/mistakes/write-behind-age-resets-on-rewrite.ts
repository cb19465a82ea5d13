// Classic mistake: a rewrite makes the key young again, so a key written more often than every maxDelayMs never reaches the database.
import { VariantWriteBehind, type PendingWrite } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override rewrite(slot: string, _previous: PendingWrite<V>, next: PendingWrite<V>): void {
    this.pending.delete(slot);
    this.pending.set(slot, next);
  }
}

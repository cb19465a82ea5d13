// Classic mistake: the leader sends a store read for every miss, so two misses for one key put two store queries for it in flight at once.
import { VariantTao, type LeaderState } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override query<V>(_leader: LeaderState, _key: string, read: () => Promise<V>): Promise<V> {
    return read();
  }
}

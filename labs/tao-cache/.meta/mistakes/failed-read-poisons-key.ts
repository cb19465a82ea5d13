// Classic mistake: a store read that failed stays in the leader's table of reads in flight, so every later miss for the key gets the same old failure and the store is never asked again.
import { VariantTao, type LeaderState } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override finished(leader: LeaderState, key: string, ok: boolean): void {
    if (ok) leader.pending.delete(key);
  }
}

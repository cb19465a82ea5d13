// Classic mistake: the leader never removes a finished store read from its table of reads in flight, so after an invalidation the next miss gets the old answer again instead of reading the store.
import { VariantTao, type LeaderState } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override finished(_leader: LeaderState, _key: string, _ok: boolean): void {}
}

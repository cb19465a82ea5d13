// Classic mistake: the leader keeps nothing it reads, so every follower miss becomes a store read.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override leaderKeeps(): boolean {
    return false;
  }
}

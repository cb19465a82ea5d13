// Classic mistake: a follower passes every read to its leader and keeps nothing, so it is not a cache tier at all.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override followerKeeps(): boolean {
    return false;
  }
}

// Classic mistake: a follower caches each range under its own (id1, atype, pos, limit) key, like a key-value cache, instead of the whole list, so every new range is a miss.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override followerListKey(id1: number, atype: string, pos: number, limit: number): string {
    return `${id1}/${atype}/${pos}/${limit}`;
  }
}

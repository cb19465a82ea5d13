// Classic mistake: the leader avoids overlapping queries with one lock for everything, so a miss for one key waits behind the store reads for other keys.
import { VariantTao, type LeaderState } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override query<V>(leader: LeaderState, key: string, read: () => Promise<V>): Promise<V> {
    const inFlight = leader.pending.get(key);
    if (inFlight) return inFlight as Promise<V>;
    const done = leader.tail.then(read, read).finally(() => leader.pending.delete(key));
    leader.tail = done.catch(() => undefined);
    leader.pending.set(key, done);
    return done;
  }
}

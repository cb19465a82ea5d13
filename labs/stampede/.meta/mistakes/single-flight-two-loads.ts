// Classic mistake: check, then await, then act. The load is recorded as in flight only once it has
// resolved, so every caller that arrives meanwhile runs a load of its own: two (or more) loads for one key.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  override async coalesce<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (typeof load !== 'function') throw new TypeError(`load must be a function (got ${typeof load})`);
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending as Promise<T>;
    const value = await load();
    this.inFlight.set(key, Promise.resolve(value));
    this.inFlight.delete(key);
    return value;
  }
}

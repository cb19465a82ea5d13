/**
 * Single-flight (request coalescing): concurrent callers for one key share one in-flight load. The name
 * and the idea come from Go's golang.org/x/sync/singleflight; the course's version is promise-based.
 * Part of the stampede lab's reference solution, and the in-flight table of the course's SwrCache.
 */

// #region coalesce
/** A group of in-flight loads, at most one per key. */
export class SingleFlight {
  readonly #inFlight = new Map<string, Promise<unknown>>();

  /**
   * Runs `load` for `key`, unless a load for `key` is already in flight: then the caller shares that
   * load's outcome and its own `load` is never called. Once the load settles the key is forgotten, so
   * a failure is never cached, and neither is a success (that is a cache's job).
   */
  coalesce<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (typeof load !== 'function') throw new TypeError(`load must be a function (got ${typeof load})`);
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) return pending as Promise<T>;
    let started: Promise<T>;
    try {
      started = Promise.resolve(load());
    } catch (error) {
      // A load that throws instead of rejecting fails its caller the same way.
      started = Promise.reject(error);
    }
    const shared = started.finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, shared);
    return shared;
  }
}
// #endregion

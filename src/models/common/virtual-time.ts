/**
 * Virtual time for asynchronous code. A store that takes 10 ms, a network that delivers a message after
 * a second: each schedules its completion at a virtual instant, and `runUntil` or `settle` moves the
 * clock from one instant to the next, in order, letting every promise callback that a completion sets
 * off run before the next instant. No real time passes, so a test that spans seconds of replication lag
 * runs in milliseconds and always does the same thing.
 *
 * Events at the same instant run in the order they were scheduled. Code under test must not use real
 * timers (setTimeout and the like): only promises, whose callbacks run between the events.
 */
import type { Clock } from './clock';

interface Scheduled {
  at: number;
  seq: number;
  task: () => void;
}

/**
 * Lets every queued promise callback run: one turn of the host's task queue (Node's setImmediate, a
 * message in a browser, where setTimeout would wait at least 4 ms once nested).
 */
function drainCallbacks(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
    } else if (typeof MessageChannel === 'function') {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** How a promise ended, once it has. */
export type Settled<T> = { settled: true; ok: true; value: T } | { settled: true; ok: false; error: unknown } | { settled: false };

export class VirtualTime implements Clock {
  #now: number;
  #seq = 0;
  /** Scheduled events, kept sorted by (at, seq). */
  readonly #events: Scheduled[] = [];

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new RangeError(`startMs must be a finite number (got ${startMs})`);
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Events scheduled and not yet run. */
  get pending(): number {
    return this.#events.length;
  }

  /** Runs `task` when the clock reaches now + `delayMs` (>= 0). */
  schedule(delayMs: number, task: () => void): void {
    if (!(Number.isFinite(delayMs) && delayMs >= 0)) throw new RangeError(`delayMs must be a finite number >= 0 (got ${delayMs})`);
    const event = { at: this.#now + delayMs, seq: this.#seq++, task };
    let i = this.#events.length;
    while (i > 0 && this.#events[i - 1]!.at > event.at) i--;
    this.#events.splice(i, 0, event);
  }

  /** A promise that resolves `delayMs` of virtual time from now. */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.schedule(delayMs, resolve));
  }

  /** Runs the next event, if one is due by `until`; false when none is. */
  async #step(until: number): Promise<boolean> {
    await drainCallbacks();
    const next = this.#events[0];
    if (!next || next.at > until) return false;
    this.#events.shift();
    this.#now = next.at;
    next.task();
    await drainCallbacks();
    return true;
  }

  /** Runs every event due by `untilMs` (>= now), in order, then leaves the clock at `untilMs`. */
  async runUntil(untilMs: number): Promise<void> {
    if (!(untilMs >= this.#now)) throw new RangeError(`untilMs must be >= the current time ${this.#now} (got ${untilMs})`);
    while (await this.#step(untilMs));
    this.#now = untilMs;
  }

  /** Runs the events of the next `ms` (>= 0) of virtual time. */
  async advance(ms: number): Promise<void> {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`ms must be a finite number >= 0 (got ${ms})`);
    return this.runUntil(this.#now + ms);
  }

  /**
   * Runs events, in order, until `promise` settles, and says how it ended; gives up, leaving the clock
   * where the last event put it, when no event due by `deadlineMs` is left.
   */
  async settle<T>(promise: Promise<T>, deadlineMs = this.#now + 60_000): Promise<Settled<T>> {
    let outcome: Settled<T> = { settled: false };
    promise.then(
      (value) => (outcome = { settled: true, ok: true, value }),
      (error: unknown) => (outcome = { settled: true, ok: false, error }),
    );
    await drainCallbacks();
    while (!outcome.settled && (await this.#step(deadlineMs)));
    return outcome;
  }
}

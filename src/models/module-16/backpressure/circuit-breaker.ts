/**
 * A circuit breaker on the caller's side of a dependency: after repeated failures it stops making
 * calls for a while and fails fast instead, then lets a few trial calls through to see whether the
 * dependency has recovered (Fowler, "CircuitBreaker", 2014; Nygard, "Release It!", 2018).
 *
 * It guards outgoing calls. It does not stop the service that owns it from accepting requests.
 * Time comes from the injected clock, so tests and simulations control it.
 *
 * This module is part of the reference solution of the `backpressure` lab.
 */
import type { Clock } from '../../common/clock';
import { integerAtLeast, nonNegative } from '../../common/guards';

/** The three states of a breaker. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Options of a {@link CircuitBreaker}. All are required: a breaker's numbers are a design decision. */
export interface CircuitBreakerOptions {
  /** Where the time comes from, in milliseconds. */
  clock: Clock;
  /** Consecutive failures, while closed, that trip the breaker open: an integer >= 1. */
  failureThreshold: number;
  /** How long the breaker stays open before it half-opens, in ms: a finite number >= 0. */
  openDurationMs: number;
  /** Trial calls let through while half-open, all of which must succeed to close it: an integer >= 1. */
  trialCalls: number;
}

/**
 * The rules, precisely:
 * - **closed**: every call is allowed. A failure adds one to a count of consecutive failures and a
 *   success resets it to 0; when the count reaches `failureThreshold` the breaker opens.
 * - **open**: every call is refused, and results reported meanwhile (from calls made earlier) are
 *   ignored. Once `openDurationMs` have passed since it opened, the breaker is half-open.
 * - **half-open**: the first `trialCalls` calls are allowed and later ones refused. Each reported
 *   success counts; when `trialCalls` successes are in, the breaker closes with a count of 0. Any
 *   reported failure opens it again, for a full `openDurationMs` from that moment.
 * @example
 * const breaker = new CircuitBreaker({ clock, failureThreshold: 5, openDurationMs: 10_000, trialCalls: 1 });
 * if (breaker.allowCall()) {
 *   try { await callDependency(); breaker.recordSuccess(); } catch { breaker.recordFailure(); }
 * } else {
 *   // fail fast: serve a fallback, or a 503 with Retry-After
 * }
 */
export class CircuitBreaker {
  readonly #clock: Clock;
  readonly #failureThreshold: number;
  readonly #openDurationMs: number;
  readonly #trialCalls: number;
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trialsAllowed = 0;
  #trialSuccesses = 0;

  constructor(options: CircuitBreakerOptions) {
    this.#clock = options.clock;
    this.#failureThreshold = integerAtLeast('failureThreshold', options.failureThreshold, 1);
    this.#openDurationMs = nonNegative('openDurationMs', options.openDurationMs);
    this.#trialCalls = integerAtLeast('trialCalls', options.trialCalls, 1);
  }

  /** The state at the clock's current time. */
  get state(): BreakerState {
    this.#catchUp();
    return this.#state;
  }

  /** Asks to make one call: true lets it through (in half-open, as one of the trials); false means fail fast. */
  allowCall(): boolean {
    this.#catchUp();
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') return false;
    if (this.#trialsAllowed >= this.#trialCalls) return false;
    this.#trialsAllowed++;
    return true;
  }

  /** Reports that a call made through the breaker succeeded. */
  recordSuccess(): void {
    this.#catchUp();
    if (this.#state === 'closed') this.#failures = 0;
    else if (this.#state === 'half-open' && ++this.#trialSuccesses >= this.#trialCalls) this.#close();
  }

  /** Reports that a call made through the breaker failed (an error or a timeout). */
  recordFailure(): void {
    this.#catchUp();
    if (this.#state === 'closed' && ++this.#failures >= this.#failureThreshold) this.#open();
    else if (this.#state === 'half-open') this.#open();
  }

  /** Open becomes half-open once the open duration has passed; nothing else changes with time alone. */
  #catchUp(): void {
    if (this.#state === 'open' && this.#clock.now() - this.#openedAt >= this.#openDurationMs) {
      this.#state = 'half-open';
      this.#trialsAllowed = 0;
      this.#trialSuccesses = 0;
    }
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.#clock.now();
  }

  #close(): void {
    this.#state = 'closed';
    this.#failures = 0;
  }
}

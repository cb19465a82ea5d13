// A second, plain implementation of the retries lab in which every rule is a small replaceable piece,
// so that each file in mistakes/ can break exactly one rule. With no rule replaced, each export
// behaves like the reference; the policy and option checks are the reference's own.
import { backoffCeiling as referenceCeiling, RetryThrottle as ReferenceThrottle, type RetryEnv, type RetryPolicy } from '../solution';

/** The throttle, with each rule a method a subclass can override. */
export class VariantThrottle {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  protected count: number;

  constructor(options: { maxTokens: number; tokenRatio: number }) {
    new ReferenceThrottle(options);
    this.maxTokens = options.maxTokens;
    this.tokenRatio = options.tokenRatio;
    this.count = this.initial();
  }

  protected initial(): number {
    return this.maxTokens;
  }

  protected clamp(tokens: number): number {
    return Math.min(this.maxTokens, Math.max(0, tokens));
  }

  protected aboveThreshold(tokens: number): boolean {
    return tokens > this.maxTokens / 2;
  }

  get tokens(): number {
    return this.count;
  }

  recordSuccess(): void {
    this.count = this.clamp(this.count + this.tokenRatio);
  }

  recordFailure(): void {
    this.count = this.clamp(this.count - 1);
  }

  get allowsRetry(): boolean {
    return this.aboveThreshold(this.count);
  }
}

/** The rules of a retrying call, each of which a mistake may replace. */
export interface CallRules {
  /** How many attempts the policy allows in all. */
  attempts(policy: RetryPolicy): number;
  /** The ceiling of the wait before retry n since the last reset. */
  ceiling(n: number, policy: RetryPolicy): number;
  /** The wait before a retry without pushback, given random() and the ceiling. */
  jitter(random: number, ceiling: number): number;
  /** Whether a code is worth retrying. */
  retryable(code: unknown, policy: RetryPolicy): boolean;
  /** A pushback value read: a delay in seconds, 'stop', or undefined to treat it as absent. */
  pushback(raw: unknown): number | 'stop' | undefined;
  /** Whether a failure counts against the throttle. */
  counts(retryable: boolean, stop: boolean): boolean;
  /** Whether the throttle lets a failed call retry. */
  throttleAllows(env: RetryEnv): boolean;
  /** Whether to ask the throttle before the first attempt (it should not be asked). */
  throttleBeforeFirst: boolean;
  /** Whether a success is reported to the throttle. */
  reportSuccess: boolean;
  /** Whether the backoff restarts at n = 1 after a pushback. */
  resetAfterPushback: boolean;
  /** Whether each sleep is awaited before the next attempt. */
  awaitSleep: boolean;
  /** The number of the first attempt. */
  firstAttempt: number;
  /** Whether the call rejects with the first error instead of the last. */
  rejectWithFirst: boolean;
}

const MAX_INT32 = 2 ** 31 - 1;

export const referenceRules: CallRules = {
  attempts: (policy) => {
    referenceCeiling(1, policy);
    return Math.min(policy.maxAttempts, 5);
  },
  ceiling: (n, policy) => Math.min(policy.initialBackoff * policy.backoffMultiplier ** (n - 1), policy.maxBackoff),
  jitter: (random, ceiling) => random * ceiling,
  retryable: (code, policy) => typeof code === 'string' && policy.retryableCodes.includes(code),
  pushback: (raw) => (typeof raw === 'string' && /^(0|[1-9][0-9]*)$/.test(raw) && Number(raw) <= MAX_INT32 ? Number(raw) / 1000 : 'stop'),
  counts: (retryable, stop) => retryable || stop,
  throttleAllows: (env) => env.throttle === undefined || env.throttle.allowsRetry,
  throttleBeforeFirst: false,
  reportSuccess: true,
  resetAfterPushback: true,
  awaitSleep: true,
  firstAttempt: 1,
  rejectWithFirst: false,
};

/** callWithRetries with some of its rules replaced. */
export function variantCall(changes: Partial<CallRules>) {
  const rules: CallRules = { ...referenceRules, ...changes };
  return async function callWithRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, env: RetryEnv): Promise<T> {
    const attempts = rules.attempts(policy);
    let sinceReset = 0;
    let firstError: unknown;
    for (let made = 1; ; made++) {
      if (made === 1 && rules.throttleBeforeFirst && env.throttle && !env.throttle.allowsRetry) {
        throw Object.assign(new Error('throttled'), { code: 'UNAVAILABLE' });
      }
      let value: T;
      try {
        value = await attempt(made - 1 + rules.firstAttempt);
      } catch (error) {
        if (made === 1) firstError = error;
        const rejection = rules.rejectWithFirst ? firstError : error;
        const { code, pushbackMs } = (error ?? {}) as { code?: unknown; pushbackMs?: unknown };
        const retryable = rules.retryable(code, policy);
        const pushback = pushbackMs === undefined ? undefined : rules.pushback(pushbackMs);
        const stop = pushback === 'stop';
        if (rules.counts(retryable, stop)) env.throttle?.recordFailure();
        if (!retryable || stop || made >= attempts || !rules.throttleAllows(env)) throw rejection;
        let sleeping: Promise<void>;
        if (typeof pushback === 'number') {
          sleeping = env.sleep(pushback);
          if (rules.resetAfterPushback) sinceReset = 0;
          else sinceReset += 1;
        } else {
          sinceReset += 1;
          sleeping = env.sleep(rules.jitter(env.random(), rules.ceiling(sinceReset, policy)));
        }
        if (rules.awaitSleep) await sleeping;
        continue;
      }
      if (rules.reportSuccess) env.throttle?.recordSuccess();
      return value;
    }
  };
}

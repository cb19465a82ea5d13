/**
 * A gRPC-style retrying call (gRFC A6): attempts until one succeeds, the policy runs out, the error
 * is not worth retrying, the server pushes back with "stop", or the client's retry throttle says no.
 * Sleeping and randomness come from the caller (`RetryEnv`), so tests and simulations control time.
 */
import { readPushback } from './pushback';
import { backoffCeiling, checkRetryPolicy, type RetryPolicy } from './retry-policy';
import type { RetryThrottle } from './retry-throttle';

/** What a retrying call needs from the world around it. */
export interface RetryEnv {
  /** Waits this many seconds. */
  sleep(seconds: number): Promise<void>;
  /** A uniform random number in [0, 1). */
  random(): number;
  /** The token bucket of the server being called, shared with the client's other calls to it. */
  throttle?: RetryThrottle;
}

/** How a failed attempt rejects: with a status code, and maybe the server's pushback. */
export interface AttemptFailure {
  code: string;
  /** The raw value of gRPC's `grpc-retry-pushback-ms` metadata, when the server sent one. */
  pushbackMs?: string;
}

/**
 * Calls attempt(1), attempt(2), … until one resolves, and resolves with its value; otherwise rejects
 * with the last attempt's error.
 *
 * After a failure: it counts against the throttle when its code is retryable or its pushback says
 * stop. It is not retried when the code is not retryable, the pushback says stop, the attempts are
 * used up, or the throttle (after counting this failure) does not allow a retry. Otherwise the call
 * sleeps — the pushback's delay, after which the backoff restarts at n = 1, or random() times the
 * backoff ceiling of the n-th retry since the last reset — and tries again.
 */
export async function callWithRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, env: RetryEnv): Promise<T> {
  const attempts = checkRetryPolicy(policy);
  const { throttle } = env;
  // Retries since the start of the call or the last pushback: the n of backoffCeiling(n).
  let sinceReset = 0;
  for (let n = 1; ; n++) {
    let value: T;
    try {
      value = await attempt(n);
    } catch (error) {
      // The contract: a failed attempt rejects with { code: string, pushbackMs?: string }.
      const { code, pushbackMs } = (error ?? {}) as Partial<AttemptFailure>;
      const retryable = policy.retryableCodes.includes(code!);
      const pushback = pushbackMs === undefined ? undefined : readPushback(String(pushbackMs));
      const stop = pushback?.retry === false;
      if (retryable || stop) throttle?.recordFailure();
      if (!retryable || stop || n >= attempts || (throttle !== undefined && !throttle.allowsRetry)) throw error;
      if (pushback?.retry) {
        await env.sleep(pushback.delaySeconds);
        sinceReset = 0;
      } else {
        sinceReset += 1;
        await env.sleep(env.random() * backoffCeiling(sinceReset, policy));
      }
      continue;
    }
    throttle?.recordSuccess();
    return value;
  }
}

/**
 * The retries lab's model: gRPC's retry policy, retry throttling and server pushback as gRFC A6
 * defines them. The lab's reference solution re-exports it, and the lesson's metastable-failure
 * simulator uses its throttle and backoff, so the page and the grader agree by construction.
 */
export { backoffCeiling, checkRetryPolicy, MAX_ATTEMPTS_CAP, type RetryPolicy } from './retry-policy';
export { RetryThrottle, type RetryThrottleOptions } from './retry-throttle';
export { readPushback, type Pushback } from './pushback';
export { callWithRetries, type AttemptFailure, type RetryEnv } from './call-with-retries';

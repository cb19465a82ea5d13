// Reference solution of the retries lab: the course's own model of gRPC's retry policy, retry
// throttling and pushback (gRFC A6). `npm test` proves that it passes every graded test.
export {
  backoffCeiling,
  callWithRetries,
  RetryThrottle,
  type RetryEnv,
  type RetryPolicy,
} from '../../../src/models/module-16/retries/retries';

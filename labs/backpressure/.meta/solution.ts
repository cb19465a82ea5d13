// Reference solution of the backpressure lab: the course's own models of a bounded queue, a circuit
// breaker and an AIMD concurrency limiter. `npm test` proves that it passes every graded test.
export {
  BoundedQueue,
  type BoundedQueueOptions,
  type OfferResult,
  type OverflowPolicy,
} from '../../../src/models/module-16/backpressure/bounded-queue';
export {
  CircuitBreaker,
  type BreakerState,
  type CircuitBreakerOptions,
} from '../../../src/models/module-16/backpressure/circuit-breaker';
export {
  AimdLimiter,
  type AimdLimiterOptions,
  type Outcome,
  type Permit,
} from '../../../src/models/module-16/backpressure/aimd-limiter';
export type { Clock } from '../../../src/models/common/clock';

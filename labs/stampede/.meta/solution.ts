// Reference solution of the stampede lab: the course's own models of single-flight, stale-while-revalidate
// and the herd harness. `npm test` proves that it passes every graded test.
export { SingleFlight } from '../../../src/models/module-17/stampede/single-flight';
export { SwrCache, type SwrCacheOptions } from '../../../src/models/module-17/stampede/swr-cache';
export {
  simulateHerd,
  type HerdResult,
  type HerdScenario,
  type HerdStrategy,
} from '../../../src/models/module-17/stampede/herd';

// Reference solution of the tao-cache lab: the course's own model of a TAO-style cache. `npm test` proves that it passes every graded test.
export {
  Tao,
  type Assoc,
  type CacheStats,
  type Follower,
  type GraphStore,
  type Invalidation,
  type InvalidationChannel,
  type TaoObject,
  type TaoOptions,
} from '../../../src/models/case-studies/tao-cache/tao-cache';

// Reference solution of the tiered-cache lab: the course's own model of an edge cache and a two-tier
// CDN. `npm test` proves that it passes every graded test.
export { edgeDecision, type EdgeDecision } from '../../../src/models/case-studies/tiered-cache/edge-decision';
export {
  EdgeCache,
  type CacheStatus,
  type EdgeCacheOptions,
  type EdgeResponse,
  type HttpResponse,
  type Upstream,
} from '../../../src/models/case-studies/tiered-cache/edge-cache';
export { tieredCdn, type TieredCdn, type TieredCdnOptions } from '../../../src/models/case-studies/tiered-cache/tiered-cdn';
export type { Clock } from '../../../src/models/common/clock';

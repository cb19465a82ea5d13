// Reference solution of the lease-cache lab: the course's own model. `npm test` proves that it passes every graded test.
export { LeaseCache, type LeaseCacheOptions, type LeaseGet } from '../../../src/models/module-17/lease-cache/lease-cache';

// Reference solution of the invalidation lab: the course's own model of a versioned database, a cache
// with TTLs, a delete guard and versions, and the reader and writer processes. `npm test` proves that it
// passes every graded test.
export {
  Cache,
  Database,
  interleave,
  reader,
  writer,
  type CacheOptions,
  type Clock,
  type Process,
  type ReadProcess,
  type Row,
  type Strategy,
} from '../../../src/models/module-17/invalidation/index';

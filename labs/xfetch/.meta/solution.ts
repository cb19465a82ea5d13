// Reference solution of the xfetch lab: the course's own model. `npm test` proves that it passes every graded test.
export { shouldRecomputeEarly, XFetchCache, type XFetchOptions } from '../../../src/models/module-17/xfetch/xfetch';

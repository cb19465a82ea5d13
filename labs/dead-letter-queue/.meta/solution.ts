// Reference solution of the dead-letter-queue lab: the course's own retry queue, which the lesson's
// walkthrough widget also runs. `npm test` proves that it passes every graded test.
export { RetryQueue, type DeadLetter, type DrainReport } from '../../../src/models/module-16/dead-letter-queue/retry-queue';

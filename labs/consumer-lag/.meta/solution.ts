// Reference solution of the consumer-lag lab: the course's own lag model, which the lesson's lag
// monitor also runs. `npm test` proves that it passes every graded test.
export {
  partitionLag,
  totalLag,
  classifyLag,
  classifyGroup,
  timeToDrain,
  consumerAssignment,
  type PartitionOffsets,
  type LagSample,
  type AlertPolicy,
  type LagAlert,
  type PartitionSeries,
  type GroupStatus,
  type ConsumerAssignment,
} from '../../../src/models/module-16/consumer-lag/consumer-lag';

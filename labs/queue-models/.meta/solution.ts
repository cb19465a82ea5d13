// Reference solution of the queue-models lab: the course's own queueing formulas and simulator, which
// the lesson's hockey-stick explorer also runs. `npm test` proves that it passes every graded test.
export {
  mm1,
  erlangC,
  mmc,
  probabilityWaitExceeds,
  fewestServersForWait,
  kingmanWait,
  type QueueMetrics,
  type MultiServerMetrics,
} from '../../../src/models/module-16/queue-models/queue-formulas';
export {
  simulateQueue,
  type Sampler,
  type SimulationOptions,
  type SimulationResult,
} from '../../../src/models/module-16/queue-models/queue-simulator';

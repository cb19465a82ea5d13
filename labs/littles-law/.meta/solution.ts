// Reference solution of the littles-law lab: the course's own capacity model, which the lesson's
// calculator also runs. `npm test` proves that it passes every graded test.
export {
  littlesLaw,
  utilization,
  minServersForStability,
  serversForUtilization,
  capacityPlan,
  type Workload,
  type CapacityPlan,
} from '../../../src/models/module-16/littles-law/capacity';

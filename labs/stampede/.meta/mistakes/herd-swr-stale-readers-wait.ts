// Classic mistake: under stale-while-revalidate the readers inside the window wait for the refresh, so
// the harness shows single-flight's waiting instead of stale answers.
import { VariantHerd, type Decision, type HerdState } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override staleDecision(state: HerdState): Decision {
    return state.inFlight > 0 ? 'join' : 'load';
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}

// Classic mistake: a loaded value's expiry is counted from the load's start, forgetting the time the load
// itself took.
import { VariantHerd } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override expiryOf(start: number): number {
    return start + this.scenario.ttl;
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}

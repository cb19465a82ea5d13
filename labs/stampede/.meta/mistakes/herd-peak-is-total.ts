// Classic mistake: peakLoads counts every load started instead of the most in flight at one instant.
import { VariantHerd } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override peak(loads: number): number {
    return loads;
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}

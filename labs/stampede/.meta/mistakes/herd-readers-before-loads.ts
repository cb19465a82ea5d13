// Classic mistake: at one instant, readers are served before the loads that finish then, so a reader who
// arrives exactly when the value lands still misses.
import { VariantHerd } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override finished(end: number, now: number): boolean {
    return end < now;
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}

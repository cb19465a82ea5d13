import { describe, expect, it } from 'vitest';
import { demoScript } from './demos';

describe('live-demo scripts', () => {
  it("quote the capacity calculator's own numbers for the lesson's example", async () => {
    const script = await demoScript('CapacityCalculator');
    expect(script.written).toBe(true);
    expect(script.steps[0]!.shows).toContain('at least **101** servers');
    expect(script.steps[0]!.shows).toContain('143 for the target, at 69.9 %');
  });

  it('quote the M/M/1 multiples 2×, 5×, 10×, 20× at 50, 80, 90 and 95 % busy', async () => {
    const script = await demoScript('HockeyStick');
    expect(script.steps[0]!.shows).toMatch(/^50 % → 2×, 80 % → 5×, 90 % → 10×, 95 % → 20× the service time/);
  });

  it('have a script for every widget, or the general recipe', async () => {
    for (const name of ['LagMonitor', 'DeadLetterWalkthrough']) expect((await demoScript(name)).written, name).toBe(true);
    const unknown = await demoScript('SomeNewWidget');
    expect(unknown.written).toBe(false);
    expect(unknown.steps.length).toBeGreaterThan(1);
  });
});

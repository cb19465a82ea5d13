import { describe, expect, it } from 'vitest';
import { buildWalkthrough, checkSettings, DEFAULT_SETTINGS, REGIONS, type WalkthroughStep } from './tao-walkthrough';

/** A step as one line: kind, time, and per region the two followers' answers (count/newest, who, stale). */
function line(step: WalkthroughStep): string {
  const reads = REGIONS.map((r) => `${r} ${step.reads[r].map((x) => `${x.count}/${x.newest}${x.from[0]}${x.stale ? '!' : ''}`).join(' ')}`).join(' | ');
  return `${step.kind}${step.region ?? ''} t=${step.t} | ${reads}`;
}

describe('buildWalkthrough', () => {
  it('writes from region B: the master and B show the write once it returns, C only when its invalidation arrives', async () => {
    const steps = await buildWalkthrough(DEFAULT_SETTINGS);
    expect(steps.map(line)).toEqual([
      'start t=0 | A 1/771f 1/771f | B 1/771f 1/771f | C 1/771f 1/771f',
      'issued t=0 | A 1/771f 1/771f | B 1/771f 1/771f | C 1/771f 1/771f',
      'stored t=10 | A 2/790f 2/790f | B 2/790f 2/790f | C 1/771f! 1/771f!',
      'arrivedB t=510 | A 2/790f 2/790f | B 2/790d 2/790d | C 1/771f! 1/771f!',
      'arrivedC t=3010 | A 2/790f 2/790f | B 2/790d 2/790d | C 2/790d 2/790d',
    ]);
    expect(steps[2]!.inFlight).toEqual([
      { region: 'B', arrives: 510 },
      { region: 'C', arrives: 3010 },
    ]);
    expect(steps[3]!.inFlight).toEqual([{ region: 'C', arrives: 3010 }]);
    expect(steps[4]!.inFlight).toEqual([]);
    expect(steps[1]!.active).toEqual(['B:follower:0', 'B:leader', 'A:leader']);
    expect(steps[0]!.narration).toContain('region B adds');
    expect(steps[4]!.narration).toContain('consistent again');
  });

  it('writes from the master region: both other regions stay stale until their own invalidation, in order of arrival', async () => {
    const steps = await buildWalkthrough({ writer: 'A', lagMs: { B: 3000, C: 100 } });
    expect(steps.map(line)).toEqual([
      'start t=0 | A 1/771f 1/771f | B 1/771f 1/771f | C 1/771f 1/771f',
      'issued t=0 | A 1/771f 1/771f | B 1/771f 1/771f | C 1/771f 1/771f',
      'stored t=10 | A 2/790f 2/790f | B 1/771f! 1/771f! | C 1/771f! 1/771f!',
      'arrivedC t=110 | A 2/790f 2/790f | B 1/771f! 1/771f! | C 2/790d 2/790d',
      'arrivedB t=3010 | A 2/790f 2/790f | B 2/790d 2/790d | C 2/790d 2/790d',
    ]);
    expect(steps[1]!.narration).toContain("passes it to A's leader, the master");
  });

  it('rejects a writer that is not a region and a lag the widget does not offer', () => {
    expect(() => checkSettings({ writer: 'Z' as 'A', lagMs: { B: 500, C: 500 } })).toThrow(RangeError);
    expect(() => checkSettings({ writer: 'B', lagMs: { B: 500, C: 42 } })).toThrow(/lagMs.C/);
  });
});

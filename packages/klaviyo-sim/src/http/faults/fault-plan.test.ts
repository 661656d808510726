import { describe, expect, it } from 'vitest';
import { InvalidFaultPlanError, parseFaultPlan } from './fault-plan.js';

function problemsOf(text: string): readonly string[] {
  try {
    parseFaultPlan(text);
  } catch (error) {
    if (error instanceof InvalidFaultPlanError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseFaultPlan', () => {
  it('reads every kind with defaults and parameters, in a fixed order', () => {
    expect(parseFaultPlan('duplicates:0.02,server-errors:0.05,slow:0.02:800ms,timeout:0.01:2s,truncated:.01,malformed:0.01,expired-cursor:0.01')).toEqual([
      { kind: 'server-errors', probability: 0.05, parameter: 3 },
      { kind: 'slow', probability: 0.02, parameter: 800 },
      { kind: 'timeout', probability: 0.01, parameter: 2000 },
      { kind: 'truncated', probability: 0.01, parameter: 0 },
      { kind: 'expired-cursor', probability: 0.01, parameter: 0 },
      { kind: 'malformed', probability: 0.01, parameter: 0 },
      { kind: 'duplicates', probability: 0.02, parameter: 0 },
    ]);
    expect(parseFaultPlan('server-errors:1:5')).toEqual([{ kind: 'server-errors', probability: 1, parameter: 5 }]);
  });

  it('reads "none", an empty plan and zero probabilities as no faults', () => {
    expect(parseFaultPlan('none')).toEqual([]);
    expect(parseFaultPlan(' ')).toEqual([]);
    expect(parseFaultPlan('slow:0')).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf('server-error:0.1,slow:2,timeout:0.1:soon,truncated:0.1:3,malformed:0.1,malformed:0.2,duplicates,server-errors:0.1:0');
    expect(problems).toEqual([
      expect.stringContaining('"server-error:0.1" does not start with a known fault kind'),
      expect.stringContaining('"slow" needs a probability from 0 to 1'),
      expect.stringContaining('"timeout" takes a duration'),
      expect.stringContaining('"truncated" takes no parameter'),
      expect.stringContaining('"malformed" is given more than once'),
      expect.stringContaining('"duplicates" needs a probability'),
      expect.stringContaining('"server-errors" takes a burst length from 1 to 10'),
    ]);
    expect(problemsOf('server-errors:0.6,slow:0.5')).toEqual([expect.stringContaining('add up to 1.1')]);
    expect(problemsOf('slow:0.1:1:2')).toEqual([expect.stringContaining('too many')]);
  });
});

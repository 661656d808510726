import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSlices } from './event-slices.js';

describe('planSlices', () => {
  it('cuts the window into back-to-back slices on whole seconds', () => {
    const slices = planSlices('events:X', new Date('2026-01-01T00:00:00.400Z'), new Date('2026-01-03T00:00:00.900Z'), 2);
    expect(slices).toEqual([
      { stream: 'events:X@2026-01-01T00:00:00.000Z', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') },
      { stream: 'events:X@2026-01-02T00:00:00.000Z', from: new Date('2026-01-02T00:00:00Z'), to: new Date('2026-01-03T00:00:00Z') },
    ]);
  });

  it('covers every second of the window exactly once, for any window and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e9 }), fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: 1, max: 64 }), (startSeconds, lengthSeconds, count) => {
        const from = new Date(startSeconds * 1000);
        const to = new Date((startSeconds + lengthSeconds) * 1000);
        const slices = planSlices('s', from, to, count);
        expect(slices.length).toBe(Math.min(count, lengthSeconds));
        expect(slices[0]!.from).toEqual(from);
        expect(slices.at(-1)!.to).toEqual(to);
        for (let i = 1; i < slices.length; i++) expect(slices[i]!.from).toEqual(slices[i - 1]!.to);
        for (const slice of slices) expect(slice.to.getTime()).toBeGreaterThan(slice.from.getTime());
      }),
    );
  });

  it('plans nothing for an empty window and refuses a count that is not a positive integer', () => {
    expect(planSlices('s', new Date(5000), new Date(5000), 3)).toEqual([]);
    expect(() => planSlices('s', new Date(0), new Date(5000), 0)).toThrow(/backfillSlices/);
  });
});

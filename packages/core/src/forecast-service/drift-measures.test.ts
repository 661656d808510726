import { describe, expect, it } from 'vitest';
import { driftMeasures, isDrift } from './drift-measures.js';

// Expected values worked out by hand from the definitions (Hyndman & Koehler 2006): errors 10, 10, 0, 30 on actuals 100, 50, 0, 150.
const days = [
  { mean: 90, lower: 80, upper: 100, actual: 100 },
  { mean: 60, lower: 55, upper: 70, actual: 50 },
  { mean: 0, lower: -5, upper: 5, actual: 0 },
  { mean: 120, lower: 100, upper: 140, actual: 150 },
];

describe('driftMeasures', () => {
  it('computes WAPE, MAPE without zero actuals, accuracy and coverage', () => {
    const measures = driftMeasures(days);
    expect(measures.daysObserved).toBe(4);
    expect(measures.wape).toBeCloseTo(50 / 300, 12);
    expect(measures.mape).toBeCloseTo((100 * (0.1 + 0.2 + 0.2)) / 3, 12);
    expect(measures.accuracy).toBeCloseTo(1 - 50 / 300, 12);
    expect(measures.coverage).toBe(2 / 4);
  });

  it('has no measures without days, and no WAPE when actuals sum to zero', () => {
    expect(driftMeasures([])).toEqual({ daysObserved: 0, wape: null, mape: null, accuracy: null, coverage: null });
    expect(driftMeasures([{ mean: 3, lower: 0, upper: 5, actual: 0 }])).toMatchObject({ wape: null, mape: null, accuracy: null, coverage: 1 });
  });

  it('clamps accuracy at 0 when the errors outweigh the actuals, as the backtest does', () => {
    expect(driftMeasures([{ mean: 300, lower: 250, upper: 350, actual: 100 }])).toMatchObject({ wape: 2, accuracy: 0, coverage: 0 });
  });
});

describe('isDrift', () => {
  it('flags accuracy below 0.8 × the backtest, not at or above it', () => {
    expect(isDrift({ daysObserved: 30, accuracy: 0.71 }, 0.9)).toBe(true);
    expect(isDrift({ daysObserved: 30, accuracy: 0.73 }, 0.9)).toBe(false);
  });

  it('waits for enough days, and falls back to an absolute threshold without a backtest', () => {
    expect(isDrift({ daysObserved: 6, accuracy: 0.1 }, 0.9)).toBe(false);
    expect(isDrift({ daysObserved: 3, accuracy: 0.1 }, 0.9, { minDays: 3 })).toBe(true);
    expect(isDrift({ daysObserved: 30, accuracy: 0.4 }, null)).toBe(true);
    expect(isDrift({ daysObserved: 30, accuracy: 0.6 }, null)).toBe(false);
    expect(isDrift({ daysObserved: 30, accuracy: null }, 0.9)).toBe(false);
  });
});

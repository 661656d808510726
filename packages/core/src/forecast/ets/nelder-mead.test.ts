import { describe, expect, it } from 'vitest';

import { nelderMead } from './nelder-mead.js';

// Rosenbrock's banana function, the example of R's ?optim.
const rosenbrock = (x: Float64Array): number => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe('nelderMead', () => {
  it("reproduces R's optim(c(-1.2, 1), fr) Nelder-Mead run", () => {
    // R 4.x: $par 1.000260 1.000506, $value 8.825241e-08, $counts function 195.
    const result = nelderMead(rosenbrock, new Float64Array([-1.2, 1]));
    expect(result.point[0]).toBeCloseTo(1.00026, 5);
    expect(result.point[1]).toBeCloseTo(1.000506, 5);
    expect(result.value).toBeCloseTo(8.825241e-8, 12);
    expect(result.evaluations).toBe(195);
    expect(result.status).toBe(0);
  });

  it('treats an infinite objective as a wall, as R does for out-of-bounds ETS parameters', () => {
    // Minimum of (x - 2)² restricted to x ≤ 1 lies on the wall at 1.
    const result = nelderMead((x) => ((x[0] as number) > 1 ? Infinity : ((x[0] as number) - 2) ** 2), new Float64Array([0]));
    expect(result.point[0]).toBeLessThanOrEqual(1);
    expect(result.point[0]).toBeGreaterThan(0.999);
  });

  it('stops at the evaluation limit and says so', () => {
    const result = nelderMead(rosenbrock, new Float64Array([-1.2, 1]), { maxIterations: 20 });
    expect(result.status).toBe(1);
    expect(result.evaluations).toBeLessThanOrEqual(23);
  });

  it('refuses a start where the objective is not finite', () => {
    expect(() => nelderMead(() => NaN, new Float64Array([0]))).toThrow(RangeError);
  });
});

/** Options of {@link nelderMead}; the defaults are those R's ets passes to its optimiser. */
export interface NelderMeadOptions {
  /** Stop when the objective falls to this value; R's ets uses −Infinity. */
  absoluteTolerance?: number;
  /** Relative spread of the simplex values at which to stop; R uses sqrt(machine epsilon). */
  relativeTolerance?: number;
  /** Maximum number of function evaluations (R's `maxit`), default 2000. */
  maxIterations?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  point: Float64Array;
  value: number;
  evaluations: number;
  /** 0 converged, 1 iteration limit, 10 simplex stopped shrinking (R's `fail`). */
  status: number;
}

const BIG = 1.0e35;

/**
 * Minimises `objective` from `start` by the Nelder–Mead simplex (reflection 1, contraction 0.5,
 * expansion 2). Infinite values count as 1e35, which is how R's ets keeps the search inside the
 * parameter bounds. Port of `nmmin` in R's src/appl/optim.c, as called by forecast's etsNelderMead.
 *
 * @example
 * nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, new Float64Array([0, 0])).point; // ≈ [1, -2]
 */
export function nelderMead(
  objective: (point: Float64Array) => number,
  start: Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const abstol = options.absoluteTolerance ?? -Infinity;
  const intol = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxIterations ?? 2000;
  const n = start.length;
  const bvec = Float64Array.from(start);
  const evaluate = (): number => {
    const value = objective(bvec);
    return Number.isFinite(value) ? value : BIG;
  };
  const first = objective(bvec);
  if (!Number.isFinite(first)) throw new RangeError('Nelder-Mead: objective is not finite at the starting point');
  if (maxit <= 0) return { point: bvec, value: first, evaluations: 0, status: 0 };

  // Vertices are columns 0..n of p; column n + 1 is the centroid; values in f.
  const n1 = n + 1;
  const p: Float64Array[] = Array.from({ length: n1 + 1 }, () => new Float64Array(n));
  const f = new Float64Array(n1 + 1);
  let funcount = 1;
  const convtol = intol * (Math.abs(first) + intol);
  f[0] = first;
  (p[0] as Float64Array).set(bvec);
  let L = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i += 1) step = Math.max(step, 0.1 * Math.abs(bvec[i] as number));
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j += 1) {
    const vertex = p[j] as Float64Array;
    vertex.set(bvec);
    let trystep = step;
    while (vertex[j - 1] === bvec[j - 1]) {
      vertex[j - 1] = (bvec[j - 1] as number) + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let status = 0;
  const centroid = p[n1] as Float64Array;

  for (;;) {
    if (calcvert) {
      for (let j = 0; j < n1; j += 1) {
        if (j === L) continue;
        bvec.set(p[j] as Float64Array);
        f[j] = evaluate();
        funcount += 1;
      }
      calcvert = false;
    }
    let VL = f[L] as number;
    let VH = VL;
    let H = L;
    for (let j = 0; j < n1; j += 1) {
      if (j === L) continue;
      const value = f[j] as number;
      if (value < VL) {
        L = j;
        VL = value;
      }
      if (value > VH) {
        H = j;
        VH = value;
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;

    const high = p[H] as Float64Array;
    for (let i = 0; i < n; i += 1) {
      let temp = -(high[i] as number);
      for (let j = 0; j < n1; j += 1) temp += (p[j] as Float64Array)[i] as number;
      centroid[i] = temp / n;
    }
    for (let i = 0; i < n; i += 1) bvec[i] = 2 * (centroid[i] as number) - (high[i] as number);
    const VR = evaluate();
    funcount += 1;
    if (VR < VL) {
      // Try to extend further in the same direction.
      f[n1] = VR;
      for (let i = 0; i < n; i += 1) {
        const extended = 2 * (bvec[i] as number) - (centroid[i] as number);
        centroid[i] = bvec[i] as number;
        bvec[i] = extended;
      }
      const VE = evaluate();
      funcount += 1;
      if (VE < VR) {
        high.set(bvec);
        f[H] = VE;
      } else {
        high.set(centroid);
        f[H] = VR;
      }
    } else {
      if (VR < VH) {
        high.set(bvec);
        f[H] = VR;
      }
      for (let i = 0; i < n; i += 1) bvec[i] = 0.5 * (high[i] as number) + 0.5 * (centroid[i] as number);
      const VC = evaluate();
      funcount += 1;
      if (VC < (f[H] as number)) {
        high.set(bvec);
        f[H] = VC;
      } else if (VR >= VH) {
        // Shrink every vertex towards the best one.
        calcvert = true;
        size = 0;
        const low = p[L] as Float64Array;
        for (let j = 0; j < n1; j += 1) {
          if (j === L) continue;
          const vertex = p[j] as Float64Array;
          for (let i = 0; i < n; i += 1) {
            vertex[i] = 0.5 * ((vertex[i] as number) - (low[i] as number)) + (low[i] as number);
            size += Math.abs((vertex[i] as number) - (low[i] as number));
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          status = 10;
          break;
        }
      }
    }
    if (funcount > maxit) break;
  }
  if (funcount > maxit) status = 1;
  return { point: Float64Array.from(p[L] as Float64Array), value: f[L] as number, evaluations: funcount, status };
}

/**
 * A line-by-line port of the netlib STL Fortran (Cleveland, Cleveland, McRae & Terpenning 1990,
 * "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", J. Official Statistics 6(1)):
 * the routines `stl`, `stlstp`, `stlss`, `stless`, `stlest`, `stlfts`, `stlma` and `stlrwt` that
 * R's `stats::stl` calls and statsmodels ships as `stl-fixed.f90`.
 *
 * The Fortran arrays are 1-based; here every array is a 0-based `Float64Array` and the Fortran
 * element `x(j)` is `x[j - 1]`. Positions handed to the loess fits (`xs`, `j`) keep their 1-based
 * Fortran values, because the fitted line is a function of those positions and the
 * floating-point results should follow the Fortran's arithmetic step by step. Where the Fortran
 * passes an array section (`work2(2)`, `work(np+1, 2)`) this code passes a `subarray` view.
 *
 * Internal module: callers go through `stl` in `./stl.ts`, which validates the input.
 */

/** Resolved, validated integer parameters in the Fortran's own terms. */
export interface FortranStlParameters {
  /** Period (np), ≥ 2. */
  np: number;
  /** Seasonal, trend and low-pass loess windows (ns, nt, nl), odd and ≥ 3. */
  ns: number;
  nt: number;
  nl: number;
  /** Loess degrees (0 or 1). */
  isdeg: number;
  itdeg: number;
  ildeg: number;
  /** Jumps (≥ 1). */
  nsjump: number;
  ntjump: number;
  nljump: number;
  /** Inner (ni ≥ 1) and outer robustness (no ≥ 0) iterations. */
  ni: number;
  no: number;
}

/** Scratch arrays for one series length and period, reusable across calls (MSTL reuses them). */
export interface StlWorkspace {
  readonly n: number;
  readonly np: number;
  /** The Fortran's `work(n+2*np, 5)`, one column per array. */
  readonly work: readonly [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  /** Scratch for the robustness weights' median. */
  readonly sorted: Float64Array;
}

export function createStlWorkspace(n: number, np: number): StlWorkspace {
  const m = n + 2 * np;
  return {
    n,
    np,
    work: [new Float64Array(m), new Float64Array(m), new Float64Array(m), new Float64Array(m), new Float64Array(m)],
    sorted: new Float64Array(n),
  };
}

/**
 * Fortran `stl`: fills `season`, `trend` and `rw` (each of length n) for the series `y`.
 * `p` must already have even windows bumped to odd and the floors (3 for windows, 2 for the
 * period) applied, as the Fortran does on entry.
 */
export function stlFortran(
  y: Float64Array,
  p: FortranStlParameters,
  rw: Float64Array,
  season: Float64Array,
  trend: Float64Array,
  ws: StlWorkspace,
): void {
  const n = y.length;
  const { np, ns, nt, nl, isdeg, itdeg, ildeg, nsjump, ntjump, nljump, ni, no } = p;
  const work1 = ws.work[0];
  let userw = false;
  trend.fill(0, 0, n);
  let k = 0;
  for (;;) {
    stlstp(y, n, np, ns, nt, nl, isdeg, itdeg, ildeg, nsjump, ntjump, nljump, ni, userw, rw, season, trend, ws);
    k += 1;
    if (k > no) break;
    for (let i = 0; i < n; i++) work1[i] = trend[i]! + season[i]!;
    stlrwt(y, n, work1, rw, ws.sorted);
    userw = true;
  }
  if (no <= 0) rw.fill(1, 0, n);
}

/** Fortran `stlstp`: `ni` inner passes of seasonal smoothing, low-pass filtering and trend smoothing. */
function stlstp(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  nt: number,
  nl: number,
  isdeg: number,
  itdeg: number,
  ildeg: number,
  nsjump: number,
  ntjump: number,
  nljump: number,
  ni: number,
  userw: boolean,
  rw: Float64Array,
  season: Float64Array,
  trend: Float64Array,
  ws: StlWorkspace,
): void {
  const [w1, w2, w3, w4, w5] = ws.work;
  const w2Shifted = w2.subarray(np);
  for (let it = 0; it < ni; it++) {
    for (let i = 0; i < n; i++) w1[i] = y[i]! - trend[i]!;
    // The Fortran hands `season` to stlss as its fourth scratch array.
    stlss(w1, n, np, ns, isdeg, nsjump, userw, rw, w2, w3, w4, w5, season);
    stlfts(w2, n + 2 * np, np, w3, w1);
    stless(w3, n, nl, ildeg, nljump, false, w4, w1, w5);
    for (let i = 0; i < n; i++) season[i] = w2Shifted[i]! - w1[i]!;
    for (let i = 0; i < n; i++) w1[i] = y[i]! - season[i]!;
    stless(w1, n, nt, itdeg, ntjump, userw, rw, trend, w3);
  }
}

/**
 * Fortran `stlrwt`: bisquare robustness weights from the residuals y − fit, scaled by
 * 6 × median|residual|. The Fortran finds the median with a partial sort at positions
 * n/2+1 and n−(n/2+1)+1 (1-based, integer division) and averages the two order statistics;
 * sorting a copy picks exactly the same two values.
 */
function stlrwt(y: Float64Array, n: number, fit: Float64Array, rw: Float64Array, sorted: Float64Array): void {
  for (let i = 0; i < n; i++) sorted[i] = Math.abs(y[i]! - fit[i]!);
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  // mid2 ≤ mid1 ≤ mid2 + 1: select the mid2-th smallest; the mid1-th is then the smallest above it.
  const low = selectInPlace(sorted, n, mid2 - 1);
  let high = low;
  if (mid1 !== mid2) {
    high = sorted[mid2]!;
    for (let i = mid2 + 1; i < n; i++) if (sorted[i]! < high) high = sorted[i]!;
  }
  const cmad = 3.0 * (high + low);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = Math.abs(y[i]! - fit[i]!);
    if (r <= c1) {
      rw[i] = 1.0;
    } else if (r <= c9) {
      const q = r / cmad;
      const t = 1.0 - q * q;
      rw[i] = t * t;
    } else {
      rw[i] = 0.0;
    }
  }
}

/**
 * Rearranges a[0..n-1] so that a[k] holds the (k+1)-th smallest value, everything before it is
 * ≤ it and everything after ≥ it (Hoare's selection with a median-of-three pivot), and returns a[k].
 * Like the Fortran's `psort` it yields exact order statistics, not interpolations.
 */
function selectInPlace(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Order a[lo], a[mid], a[hi], then use the median as the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Fortran `stlss`: smooths each cycle-subseries with loess and extrapolates it one point at each
 * end, so `season` (length n + 2·np) covers one extra period before and after the series.
 */
function stlss(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  isdeg: number,
  nsjump: number,
  userw: boolean,
  rw: Float64Array,
  season: Float64Array,
  work1: Float64Array,
  work2: Float64Array,
  work3: Float64Array,
  work4: Float64Array,
): void {
  const work2Shifted = work2.subarray(1);
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1]!;
    if (userw) {
      for (let i = 1; i <= k; i++) work3[i - 1] = rw[(i - 1) * np + j - 1]!;
    }
    stless(work1, k, ns, isdeg, nsjump, userw, work3, work2Shifted, work4);
    const nright = Math.min(ns, k);
    const first = stlest(work1, k, ns, isdeg, 0, 1, nright, work4, userw, work3);
    work2[0] = Number.isNaN(first) ? work2[1]! : first;
    const nleft = Math.max(1, k - ns + 1);
    const last = stlest(work1, k, ns, isdeg, k + 1, nleft, k, work4, userw, work3);
    work2[k + 1] = Number.isNaN(last) ? work2[k]! : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1]!;
  }
}

/** Fortran `stlfts`: moving averages of lengths np, np and 3 (the low-pass filter). */
function stlfts(x: Float64Array, n: number, np: number, trend: Float64Array, work: Float64Array): void {
  stlma(x, n, np, trend);
  stlma(trend, n - np + 1, np, work);
  stlma(work, n - 2 * np + 2, 3, trend);
}

/** Fortran `stlma`: moving average of length `len` by a running sum, as the Fortran does it. */
function stlma(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  const flen = len;
  let v = 0.0;
  for (let i = 0; i < len; i++) v = v + x[i]!;
  ave[0] = v / flen;
  if (newn > 1) {
    let k = len;
    let m = 0;
    for (let j = 2; j <= newn; j++) {
      k += 1;
      m += 1;
      v = v - x[m - 1]! + x[k - 1]!;
      ave[j - 1] = v / flen;
    }
  }
}

/**
 * Fortran `stless`: loess smoothing of y(1..n) with window `len` and degree `ideg`, fitted at
 * every `njump`-th point and linearly interpolated in between. `res` is scratch for the weights.
 */
function stless(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  njump: number,
  userw: boolean,
  rw: Float64Array,
  ys: Float64Array,
  res: Float64Array,
): void {
  if (n < 2) {
    ys[0] = y[0]!;
    return;
  }
  const newnj = Math.min(njump, n - 1);
  let nleft = 0;
  let nright = 0;
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += newnj) {
      const fit = stlest(y, n, len, ideg, i, nleft, nright, res, userw, rw);
      ys[i - 1] = Number.isNaN(fit) ? y[i - 1]! : fit;
    }
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft += 1;
        nright += 1;
      }
      const fit = stlest(y, n, len, ideg, i, nleft, nright, res, userw, rw);
      ys[i - 1] = Number.isNaN(fit) ? y[i - 1]! : fit;
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      const fit = stlest(y, n, len, ideg, i, nleft, nright, res, userw, rw);
      ys[i - 1] = Number.isNaN(fit) ? y[i - 1]! : fit;
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (ys[i + newnj - 1]! - ys[i - 1]!) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = ys[i - 1]! + delta * (j - i);
    }
    const k = Math.trunc((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      // The Fortran reuses the window of the last fitted point.
      const fit = stlest(y, n, len, ideg, n, nleft, nright, res, userw, rw);
      ys[n - 1] = Number.isNaN(fit) ? y[n - 1]! : fit;
      if (k !== n - 1) {
        const delta = (ys[n - 1]! - ys[k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1]! + delta * (j - k);
      }
    }
  }
}

/**
 * Fortran `stlest`: the loess fit at position `xs` (1-based) from the points nleft..nright, with
 * tricube neighbourhood weights (times the robustness weights when `userw`). Returns the fitted
 * value, or NaN where the Fortran sets `ok = .false.` (all weights zero); callers then fall back
 * as the Fortran does. Inputs are finite, so NaN never means anything else.
 */
function stlest(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  userw: boolean,
  rw: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0.0;
  for (let j = nleft; j <= nright; j++) {
    let wj = 0.0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      if (r <= h1) {
        wj = 1.0;
      } else {
        const q = r / h;
        const t = 1.0 - q * q * q;
        wj = t * t * t;
      }
      if (userw) wj = rw[j - 1]! * wj;
      a = a + wj;
    }
    w[j - 1] = wj;
  }
  if (a <= 0.0) return Number.NaN;
  // The Fortran's loops, fused where that keeps every operation and its order: normalising the
  // weights with the weighted mean of the positions, and the final weights with the weighted sum.
  if (h > 0.0 && ideg > 0) {
    let mean = 0.0;
    for (let j = nleft; j <= nright; j++) {
      const wj = w[j - 1]! / a;
      w[j - 1] = wj;
      mean = mean + wj * j;
    }
    let b = xs - mean;
    let c = 0.0;
    for (let j = nleft; j <= nright; j++) {
      const d = j - mean;
      c = c + w[j - 1]! * (d * d);
    }
    if (Math.sqrt(c) > 0.001 * range) {
      b = b / c;
      let ys = 0.0;
      for (let j = nleft; j <= nright; j++) ys = ys + w[j - 1]! * (b * (j - mean) + 1.0) * y[j - 1]!;
      return ys;
    }
    let ys = 0.0;
    for (let j = nleft; j <= nright; j++) ys = ys + w[j - 1]! * y[j - 1]!;
    return ys;
  }
  let ys = 0.0;
  for (let j = nleft; j <= nright; j++) ys = ys + (w[j - 1]! / a) * y[j - 1]!;
  return ys;
}

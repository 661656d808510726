// Small dense matrices (arrays of rows) for the class-3 forecast variance; sizes stay below 50.

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/** An r × c matrix of zeros. */
export function zeros(rows: number, columns: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

/** Matrix product a·b. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const columns = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(columns).fill(0);
    row.forEach((value, k) => {
      if (value === 0) return;
      const bk = b[k] as number[];
      for (let j = 0; j < columns; j += 1) out[j] = (out[j] as number) + value * (bk[j] as number);
    });
    return out;
  });
}

/** Transpose. */
export function transpose(a: Matrix): Matrix {
  const columns = a[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => a.map((row) => row[j] as number));
}

/** Element-wise sum of matrices of one shape, each scaled. */
export function combine(terms: [number, Matrix][]): Matrix {
  const [first] = terms;
  if (!first) return [];
  return first[1].map((row, i) =>
    row.map((_, j) => terms.reduce((sum, [scale, matrix]) => sum + scale * ((matrix[i] as number[])[j] as number), 0)),
  );
}

/** Kronecker product a ⊗ b, as R's `%x%`. */
export function kronecker(a: Matrix, b: Matrix): Matrix {
  const bRows = b.length;
  const bColumns = b[0]?.length ?? 0;
  const out = zeros(a.length * bRows, (a[0]?.length ?? 0) * bColumns);
  a.forEach((aRow, i) =>
    aRow.forEach((aValue, j) => {
      if (aValue === 0) return;
      b.forEach((bRow, k) =>
        bRow.forEach((bValue, l) => {
          (out[i * bRows + k] as number[])[j * bColumns + l] = aValue * bValue;
        }),
      );
    }),
  );
  return out;
}

/** a·b·cᵀ, the sandwich that every variance update uses. */
export function sandwich(a: Matrix, b: Matrix, c: Matrix): Matrix {
  return multiply(multiply(a, b), transpose(c));
}

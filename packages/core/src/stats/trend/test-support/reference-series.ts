import { readFileSync } from 'node:fs';

// The repository's copy of pyMannKendall's published fixtures (reference/trend_tests/SOURCE.md).
const referenceUrl = new URL('../../../../../../reference/trend_tests/', import.meta.url);

/** One column of a reference CSV; empty cells are missing values (null). */
export function readReferenceColumn(file: string, column: number): (number | null)[] {
  const lines = readFileSync(new URL(file, referenceUrl), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const cell = line.split(',')[column]?.trim() ?? '';
    return cell === '' ? null : Number(cell);
  });
}

/** pyMannKendall's `arbitrary_1d_data`: 360 values, 7 missing. */
export const arbitrarySeries = (): (number | null)[] => readReferenceColumn('pymannkendall_arbitrary_1d.csv', 1);

/** The 36 monthly shampoo sales of pyMannKendall's example notebook. */
export const shampooSeries = (): (number | null)[] => readReferenceColumn('shampoo.csv', 1);

/** |actual − expected| / |expected|, or the absolute error when expected is 0. */
export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

import { readFileSync } from 'node:fs';

/** One M4 Hourly series: training values and the 48 held-out values. */
export interface M4Series {
  id: string;
  train: number[];
  test: number[];
}

const DATA = new URL('../../../reference/forecast/m4_hourly/', import.meta.url);

function parseRows(text: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of text.split('\n').slice(1)) {
    const [id, ...values] = line.split(',').map((field) => field.replace(/"/g, '').trim());
    if (id) rows.set(id, values.filter((value) => value !== '').map(Number));
  }
  return rows;
}

/** Reads the 414 M4 Hourly series from reference/forecast/m4_hourly in the repository. */
export function readM4Hourly(): M4Series[] {
  const train = parseRows(readFileSync(new URL('Hourly-train.csv', DATA), 'utf8'));
  const test = parseRows(readFileSync(new URL('Hourly-test.csv', DATA), 'utf8'));
  return [...train].map(([id, values]) => ({ id, train: values, test: test.get(id) ?? [] }));
}

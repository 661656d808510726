import { readFileSync } from 'node:fs';

/** Box & Jenkins' monthly airline passengers 1949–1960 (R `AirPassengers`), from reference/forecast. */
export function readAirPassengers(): number[] {
  const text = readFileSync(new URL('../../../../../reference/forecast/airpassengers.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',').at(-1)));
}

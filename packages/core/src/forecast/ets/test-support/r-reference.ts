import { readFileSync } from 'node:fs';

import type { EtsModel, EtsParameters } from '../types.js';

// Reference data lives in the repository (reference/forecast/ets_r, see its SOURCE.md);
// six levels up from this file: test-support, ets, forecast, src, core, packages.
const referenceDirectory = new URL('../../../../../../reference/forecast/ets_r/', import.meta.url);

/** One model fitted by R's `ets`, as written by statsmodels' fit_ets.R. */
export interface RReferenceFit {
  model: EtsModel;
  damped: boolean;
  parameters: EtsParameters;
  initialStates: number[];
  states: number[][];
  residuals: number[];
  fitted: number[];
  sigma2: number;
  logLikelihood: number;
  forecast: number[];
}

type RawEntry = Record<string, unknown[]>;

/** The series of a reference CSV (second column). */
export function referenceSeries(file: 'austourists.csv' | 'oildata.csv'): number[] {
  const text = readFileSync(new URL(file, referenceDirectory), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
}

/** Every non-empty fit of a reference JSON, with R's model string (e.g. 'MAdM'). */
export function referenceFits(file: 'fit_ets_results_seasonal.json' | 'fit_ets_results_nonseasonal.json'): RReferenceFit[] {
  const raw = JSON.parse(readFileSync(new URL(file, referenceDirectory), 'utf8')) as Record<string, Record<string, RawEntry>>;
  const fits: RReferenceFit[] = [];
  for (const [dampedKey, models] of Object.entries(raw)) {
    const damped = dampedKey === 'TRUE';
    for (const [name, entry] of Object.entries(models)) {
      if (!entry.alpha) continue;
      const model = `${name[0]}${name[1]}${damped ? 'd' : ''}${name[2]}` as EtsModel;
      fits.push({
        model,
        damped,
        parameters: {
          alpha: scalar(entry.alpha) as number,
          beta: scalar(entry.beta),
          gamma: scalar(entry.gamma),
          phi: damped ? scalar(entry.phi) : null,
        },
        initialStates: (entry.initstate as number[]).map(Number),
        states: entry.states as number[][],
        residuals: (entry.residuals as unknown[]).map(Number),
        fitted: (entry.fitted as unknown[]).map(Number),
        sigma2: scalar(entry.sigma2) as number,
        logLikelihood: scalar(entry.loglik) as number,
        forecast: (entry.forecast as unknown[]).map(Number),
      });
    }
  }
  return fits;
}

function scalar(value: unknown[] | undefined): number | null {
  const first = value?.[0];
  const number = typeof first === 'number' ? first : Number(first);
  return Number.isFinite(number) ? number : null;
}

/** Largest |a − b| / max(|b|, floor) over two equal-length arrays. */
export function maxRelativeError(actual: readonly number[], expected: readonly number[], floor = 1): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let index = 0; index < expected.length; index += 1) {
    const e = expected[index] as number;
    const a = actual[index] as number;
    worst = Math.max(worst, Math.abs(a - e) / Math.max(Math.abs(e), floor));
  }
  return worst;
}

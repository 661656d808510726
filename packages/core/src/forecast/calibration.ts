import { rollingOriginErrors } from './backtest/rolling-origins.js';
import type { CandidateModel } from './models/candidates.js';
import type { ModelContext } from './models/model.js';

/**
 * Errors of a candidate from `origins` rolling origins `horizon` apart at the end of the series
 * (empty when the series is too short for any origin).
 */
export function candidateErrors(candidate: CandidateModel, values: readonly number[], context: ModelContext, origins: number): number[][] {
  const inner: ModelContext = { ...context, seasonLengths: candidate.seasonLengths, levels: [] };
  return rollingOriginErrors(values, (train) => candidate.model.fit(train, inner).mean, {
    horizon: context.horizon,
    origins,
    minTrainLength: candidate.model.minLength(inner),
  });
}

/** Mean absolute error over every origin and step; Infinity when there is none or it is not finite. */
export function meanAbsoluteError(errors: readonly (readonly number[])[]): number {
  let sum = 0;
  let count = 0;
  for (const row of errors) {
    for (const error of row) {
      sum += Math.abs(error);
      count += 1;
    }
  }
  return count > 0 && Number.isFinite(sum) ? sum / count : Number.POSITIVE_INFINITY;
}

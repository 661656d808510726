import { candidateErrors, meanAbsoluteError } from './calibration.js';
import { autoCandidates, type CandidateModel } from './models/candidates.js';
import { ensembleModel } from './models/ensemble-model.js';
import type { ModelContext, ModelFit } from './models/model.js';
import { seasonalNaiveModel } from './models/seasonal-naive-model.js';
import { chooseSeasonLengths } from './seasonality/choose-season-lengths.js';

/** What `'auto'` chose and why. */
export interface AutoSelection {
  fit: ModelFit;
  /** Rolling-origin errors of the chosen model (empty when the series was too short to validate). */
  errors: number[][];
  seasonLengths: number[];
  /** Validation MAE of every candidate, by name (Infinity when it could not be validated). */
  scores: Record<string, number>;
}

interface Scored {
  candidate: CandidateModel;
  errors: number[][];
  score: number;
}

/**
 * The `'auto'` model: keeps the season lengths the data support ({@link chooseSeasonLengths}), then
 * picks the candidate with the smallest mean absolute error over rolling origins at the end of the
 * training data (Tashman 2000). A candidate that throws is skipped. With no origin to validate on,
 * the median ensemble of the candidates is used (seasonal naive for the shortest series).
 */
export function selectModel(values: readonly number[], context: ModelContext, origins: number): AutoSelection {
  const seasonLengths = chooseSeasonLengths(values, context.seasonLengths);
  const seasonal: ModelContext = { ...context, seasonLengths };
  const scored: Scored[] = autoCandidates(seasonal).map((candidate) => {
    let errors: number[][] = [];
    try {
      errors = candidateErrors(candidate, values, context, origins);
    } catch {
      errors = [];
    }
    return { candidate, errors, score: meanAbsoluteError(errors) };
  });
  const scores = Object.fromEntries(scored.map(({ candidate, score }) => [candidate.name, score]));
  const ranked = scored.filter(({ score }) => Number.isFinite(score)).sort((a, b) => a.score - b.score);
  for (const { candidate, errors } of ranked) {
    try {
      const fit = candidate.model.fit(values, { ...context, seasonLengths: candidate.seasonLengths });
      if (fit.mean.every(Number.isFinite)) return { fit: { ...fit, name: `auto: ${fit.name}` }, errors, seasonLengths, scores };
    } catch {
      // Fitted on every origin but not on the whole series: take the next best.
    }
  }
  const fallback = values.length >= ensembleModel.minLength(seasonal) ? ensembleModel : seasonalNaiveModel;
  const fit = fallback.fit(values, seasonal);
  return { fit: { ...fit, name: `auto: ${fit.name}` }, errors: [], seasonLengths, scores };
}

import { ensembleMembers } from './candidates.js';
import type { ForecastingModel, ModelFit } from './model.js';

/** Median of the numbers (mean of the middle two for an even count). */
function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median combination of the ensemble members (see `ensembleMembers`), step by step: a median is
 * robust to the one member that extrapolates badly (Jose & Winkler 2008), and combining models is
 * the most reliable gain in the M competitions (Makridakis et al. 2020).
 *
 * ### Examples
 * ```ts
 * ensembleModel.fit(hourly, { horizon: 48, seasonLengths: [24, 168], levels: [], random }).parameters.members;
 * ```
 */
export const ensembleModel: ForecastingModel = {
  minLength: (context) => Math.max(...ensembleMembers(context).map((candidate) => candidate.model.minLength({ ...context, seasonLengths: candidate.seasonLengths }))),
  fit(values, context): ModelFit {
    const fits = ensembleMembers(context).map((candidate) => candidate.model.fit(values, { ...context, seasonLengths: candidate.seasonLengths, levels: [] }));
    const fitted = values.map((_, t) => {
      const points = fits.map((fit) => fit.fitted[t] ?? null);
      return points.every((point) => point !== null) ? median(points as number[]) : null;
    });
    return {
      name: 'ensemble',
      parameters: { combination: 'median', members: fits.map((fit) => ({ name: fit.name, ...fit.parameters })) },
      mean: Array.from({ length: context.horizon }, (_, h) => median(fits.map((fit) => fit.mean[h]!))),
      fitted,
    };
  },
};

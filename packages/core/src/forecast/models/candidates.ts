import { etsModel } from './ets-model.js';
import { logScale } from './log-scale.js';
import type { ForecastingModel, ModelContext } from './model.js';
import { mstlEtsModel, mstlThetaModel } from './mstl-models.js';
import { seasonalNaiveModel } from './seasonal-naive-model.js';
import { thetaModel } from './theta-model.js';

/** A model together with the season lengths it is fitted with. */
export interface CandidateModel {
  name: string;
  model: ForecastingModel;
  seasonLengths: readonly number[];
}

const logMstlEts = logScale(mstlEtsModel, 'log-mstl-ets');
const logMstlTheta = logScale(mstlThetaModel, 'log-mstl-theta');

/** A seasonal naive per season length: short and long cycles win on different series. */
function seasonalNaives(seasons: readonly number[]): CandidateModel[] {
  return seasons.map((m) => ({ name: `seasonal-naive-${m}`, model: seasonalNaiveModel, seasonLengths: [m] }));
}

/**
 * The pool `'auto'` chooses from: with seasons, a seasonal naive per season length and MSTL + Theta
 * on the log scale; without, naive, Theta and automatic ETS. MSTL + ETS is left out on purpose: on
 * M4 Hourly it did not improve the choice (OWA 0.465 with it, 0.462 without) and its validation
 * fits cost four times the rest of the pool.
 */
export function autoCandidates(context: Pick<ModelContext, 'seasonLengths'>): CandidateModel[] {
  const seasons = context.seasonLengths;
  if (seasons.length === 0) return nonSeasonalPool();
  return [...seasonalNaives(seasons), { name: 'log-mstl-theta', model: logMstlTheta, seasonLengths: seasons }];
}

/**
 * The members `'ensemble'` combines: with seasons, a seasonal naive per season length and MSTL +
 * ETS and MSTL + Theta on the log scale; without, naive, Theta and automatic ETS.
 */
export function ensembleMembers(context: Pick<ModelContext, 'seasonLengths'>): CandidateModel[] {
  const seasons = context.seasonLengths;
  if (seasons.length === 0) return nonSeasonalPool();
  return [
    ...seasonalNaives(seasons),
    { name: 'log-mstl-ets', model: logMstlEts, seasonLengths: seasons },
    { name: 'log-mstl-theta', model: logMstlTheta, seasonLengths: seasons },
  ];
}

function nonSeasonalPool(): CandidateModel[] {
  return [
    { name: 'naive', model: seasonalNaiveModel, seasonLengths: [] },
    { name: 'theta', model: thetaModel, seasonLengths: [] },
    { name: 'ets', model: etsModel, seasonLengths: [] },
  ];
}

import { backtest, forecast } from '../forecast/index.js';
import type { Forecaster } from './forecaster.js';

/**
 * Core's forecasting front door (`forecast`, `backtest` from `../forecast`) as a {@link Forecaster}.
 *
 * ### Examples
 * ```ts
 * new ForecastService({ database, forecaster: defaultForecaster }); // the same as leaving it out
 * ```
 */
export const defaultForecaster: Forecaster = { forecast, backtest };

import {
  forecast,
  m4SesForecast,
  m4ThetaForecast,
  naive2Forecast,
  naiveForecast,
  seasonalNaiveForecast,
  type ForecastModelName,
} from '../../../packages/core/dist/index.js';

export const HORIZON = 48;
export const SEASON = 24;

/** A method's point forecasts and, when it has them, 95% bounds. */
export interface MethodForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
}

export type Method = (train: number[]) => MethodForecast;

/** Klens's front door with hourly candidates 24 and 168; 'auto' keeps those the data support. */
function klens(model: ForecastModelName, seasonLengths: number[]): Method {
  return (train) => {
    const result = forecast(train, { horizon: HORIZON, seasonLengths, model, level: 95 });
    return { mean: result.mean, lower: result.lower, upper: result.upper };
  };
}

/** Every method the benchmark can run, by the name it prints. Naive2 is the OWA baseline. */
export const METHODS: Record<string, Method> = {
  Naive2: (train) => ({ mean: naive2Forecast(train, { horizon: HORIZON, seasonLength: SEASON }) }),
  Naive: (train) => ({ mean: naiveForecast(train, HORIZON) }),
  sNaive: (train) => ({ mean: seasonalNaiveForecast(train, { horizon: HORIZON, seasonLength: SEASON }) }),
  SES: (train) => ({ mean: m4SesForecast(train, { horizon: HORIZON, seasonLength: SEASON }) }),
  Theta: (train) => ({ mean: m4ThetaForecast(train, { horizon: HORIZON, seasonLength: SEASON }) }),
  'klens auto': klens('auto', [24, 168]),
  'klens ensemble': klens('ensemble', [24, 168]),
  'klens mstl-ets': klens('mstl-ets', [24, 168]),
  'klens ets (m=24)': klens('ets', [24]),
};

export const DEFAULT_METHODS = ['Naive2', 'Naive', 'sNaive', 'SES', 'Theta', 'klens auto'];

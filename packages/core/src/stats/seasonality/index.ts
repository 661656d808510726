// Seasonal decomposition (STL, MSTL) and the strength of trend and seasonality.
export { stl, type LoessDegree, type StlOptions, type StlParameters, type StlResult } from './stl.js';
export { mstl, type MstlOptions, type MstlResult, type MstlStlOptions } from './mstl.js';
export {
  seasonalStrength,
  trendStrength,
  type MultiSeasonalDecomposition,
  type SeasonalDecomposition,
  type TrendDecomposition,
} from './strength.js';

// Provider
export { KlensProvider, type KlensProviderProps } from './provider/klens-provider.js';

// Hooks
export {
  useBasicMetrics,
  type BasicMetricsOptions,
  type BasicMetricsResult,
  type MetricTimeSeries,
  type MetricTimeSeriesPoint,
} from './hooks/use-basic-metrics.js';

// Charts
export { RevenueChart, type RevenueChartLabels, type RevenueChartProps } from './charts/index.js';

// Theme
export {
  buildChartTheme,
  chartThemeVariables,
  defaultChartTheme,
  defaultChartThemeConfig,
  type ChartTheme,
  type ChartThemeConfig,
} from './theme/index.js';

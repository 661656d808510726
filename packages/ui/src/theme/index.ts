export { buildChartTheme, defaultChartTheme, defaultChartThemeConfig } from './build-chart-theme.js';
export { chartThemeVariables, type ChartTheme, type ChartThemeConfig } from './chart-theme.js';

export { RevenueChart } from './revenue-chart.js';
export type { RevenueChartLabels, RevenueChartProps } from './revenue-chart-props.js';

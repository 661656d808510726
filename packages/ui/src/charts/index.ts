export { RevenueChart, type RevenueChartLabels, type RevenueChartProps } from './revenue-chart/index.js';

/**
 * The raw values a chart theme is built from: colours, font and sizes. Every key is optional in
 * {@link buildChartTheme}; a missing key falls back to {@link defaultChartThemeConfig}.
 */
export type ChartThemeConfig = {
  /** Stroke of the data line. Default `#4f46e5`. */
  lineColor: string;
  /** Width of the data line in pixels. Default `2`. */
  lineWidth: number;
  /** Fill of the highlighted point and of the point markers. Default: the line colour. */
  pointColor: string;
  /** Stroke of the horizontal grid rows. Default `#e5e7eb`. */
  gridColor: string;
  /** Stroke of the axis lines and tick marks. Default `#9ca3af`. */
  axisColor: string;
  /** Fill of the tick labels. Default `#4b5563`. */
  axisLabelColor: string;
  /** Font of the tick labels, the tooltip and the empty message. Default: the system UI stack. */
  fontFamily: string;
  /** Font size of the tick labels in pixels. Default `11`. */
  fontSize: number;
  /** Stroke of the vertical guide line under the pointer. Default `#6b7280`. */
  guideColor: string;
  /** Background of the tooltip. Default `#111827`. */
  tooltipBackground: string;
  /** Text colour of the tooltip. Default `#f9fafb`. */
  tooltipColor: string;
  /** Colour of the loading skeleton. Default `#e5e7eb`. */
  skeletonColor: string;
  /** Text colour of the empty-state message. Default `#6b7280`. */
  mutedTextColor: string;
};

/**
 * A chart theme: every value is a CSS `var()` expression whose fallback is the configured value,
 * so a host app can restyle any chart by setting the matching custom property (see
 * {@link chartThemeVariables}) on an ancestor, without rebuilding the theme.
 */
export type ChartTheme = { readonly [Key in keyof ChartThemeConfig]: string };

/** The custom property behind each theme key, e.g. `lineColor` → `--klens-chart-line`. */
export const chartThemeVariables = {
  lineColor: '--klens-chart-line',
  lineWidth: '--klens-chart-line-width',
  pointColor: '--klens-chart-point',
  gridColor: '--klens-chart-grid',
  axisColor: '--klens-chart-axis',
  axisLabelColor: '--klens-chart-axis-label',
  fontFamily: '--klens-chart-font-family',
  fontSize: '--klens-chart-font-size',
  guideColor: '--klens-chart-guide',
  tooltipBackground: '--klens-chart-tooltip-background',
  tooltipColor: '--klens-chart-tooltip-color',
  skeletonColor: '--klens-chart-skeleton',
  mutedTextColor: '--klens-chart-muted-text',
} as const satisfies Record<keyof ChartThemeConfig, `--klens-${string}`>;

import { chartThemeVariables, type ChartTheme, type ChartThemeConfig } from './chart-theme.js';

/** The values used for every key that a {@link buildChartTheme} config leaves out. */
export const defaultChartThemeConfig: Readonly<Omit<ChartThemeConfig, 'pointColor'>> = {
  lineColor: '#4f46e5',
  lineWidth: 2,
  gridColor: '#e5e7eb',
  axisColor: '#9ca3af',
  axisLabelColor: '#4b5563',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSize: 11,
  guideColor: '#6b7280',
  tooltipBackground: '#111827',
  tooltipColor: '#f9fafb',
  skeletonColor: '#e5e7eb',
  mutedTextColor: '#6b7280',
};

function cssVar(name: string, fallback: string): string {
  return `var(${name}, ${fallback})`;
}

/**
 * Builds a {@link ChartTheme} from a small config. Each value becomes
 * `var(--klens-chart-…, <configured value>)`, so CSS custom properties set by the host app
 * still win over the config.
 *
 * `pointColor` defaults to the line's variable, so overriding `--klens-chart-line` alone
 * recolours the line and its points together.
 *
 * ### Examples
 * ```ts
 * const theme = buildChartTheme({ lineColor: '#e11d48', fontSize: 12 });
 * theme.lineColor; // 'var(--klens-chart-line, #e11d48)'
 * theme.fontSize; // 'var(--klens-chart-font-size, 12px)'
 * theme.pointColor; // 'var(--klens-chart-point, var(--klens-chart-line, #e11d48))'
 * ```
 */
export function buildChartTheme(config: Partial<ChartThemeConfig> = {}): ChartTheme {
  const merged = { ...defaultChartThemeConfig, ...config };
  const v = chartThemeVariables;
  const lineColor = cssVar(v.lineColor, merged.lineColor);
  return {
    lineColor,
    lineWidth: cssVar(v.lineWidth, `${merged.lineWidth}px`),
    pointColor: cssVar(v.pointColor, config.pointColor ?? lineColor),
    gridColor: cssVar(v.gridColor, merged.gridColor),
    axisColor: cssVar(v.axisColor, merged.axisColor),
    axisLabelColor: cssVar(v.axisLabelColor, merged.axisLabelColor),
    fontFamily: cssVar(v.fontFamily, merged.fontFamily),
    fontSize: cssVar(v.fontSize, `${merged.fontSize}px`),
    guideColor: cssVar(v.guideColor, merged.guideColor),
    tooltipBackground: cssVar(v.tooltipBackground, merged.tooltipBackground),
    tooltipColor: cssVar(v.tooltipColor, merged.tooltipColor),
    skeletonColor: cssVar(v.skeletonColor, merged.skeletonColor),
    mutedTextColor: cssVar(v.mutedTextColor, merged.mutedTextColor),
  };
}

/**
 * The theme charts use when none is passed: {@link buildChartTheme} with no config.
 *
 * ### Examples
 * ```ts
 * defaultChartTheme.gridColor; // 'var(--klens-chart-grid, #e5e7eb)'
 * ```
 */
export const defaultChartTheme: ChartTheme = buildChartTheme();

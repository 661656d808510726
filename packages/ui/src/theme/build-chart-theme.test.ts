// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildChartTheme, defaultChartTheme } from './build-chart-theme.js';
import { chartThemeVariables } from './chart-theme.js';

describe('buildChartTheme', () => {
  it('wraps every value in its CSS variable with the default as fallback', () => {
    expect(defaultChartTheme.lineColor).toBe('var(--klens-chart-line, #4f46e5)');
    expect(defaultChartTheme.lineWidth).toBe('var(--klens-chart-line-width, 2px)');
    for (const [key, name] of Object.entries(chartThemeVariables)) {
      expect(defaultChartTheme[key as keyof typeof chartThemeVariables]).toMatch(
        new RegExp(`^var\\(${name}, .+\\)$`),
      );
    }
  });

  it('uses configured values as fallbacks and keeps the rest', () => {
    const theme = buildChartTheme({ lineColor: '#e11d48', fontSize: 13 });
    expect(theme.lineColor).toBe('var(--klens-chart-line, #e11d48)');
    expect(theme.fontSize).toBe('var(--klens-chart-font-size, 13px)');
    expect(theme.gridColor).toBe(defaultChartTheme.gridColor);
  });

  it('makes the point colour follow the line unless configured', () => {
    expect(buildChartTheme({ lineColor: 'red' }).pointColor).toBe(
      'var(--klens-chart-point, var(--klens-chart-line, red))',
    );
    expect(buildChartTheme({ pointColor: 'blue' }).pointColor).toBe('var(--klens-chart-point, blue)');
  });
});

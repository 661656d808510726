import type { ReactElement } from 'react';
import type { ChartTheme } from '../../theme/index.js';

type ChartEmptyStateProps = {
  readonly height: number;
  readonly message: string;
  readonly theme: ChartTheme;
  readonly testId: string;
};

/** Stands in for a chart that has no points, at the chart's height so layouts do not jump. */
export function ChartEmptyState({ height, message, theme, testId }: ChartEmptyStateProps): ReactElement {
  return (
    <div
      data-testid={testId}
      style={{
        height,
        boxSizing: 'border-box',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        border: `1px dashed ${theme.gridColor}`,
        borderRadius: 8,
        color: theme.mutedTextColor,
        fontFamily: theme.fontFamily,
        textAlign: 'center',
      }}
    >
      <p style={{ margin: 0 }}>{message}</p>
    </div>
  );
}

import { TooltipWithBounds, defaultStyles } from '@visx/tooltip';
import type { ReactElement } from 'react';
import type { ChartTheme } from '../../theme/index.js';

type ChartTooltipProps = {
  /** Position of the highlighted point, relative to the chart's container. */
  readonly left: number;
  readonly top: number;
  readonly label: string;
  readonly value: string;
  readonly theme: ChartTheme;
  readonly testId: string;
};

/** The hover card of a chart: the highlighted point's date and exact value, kept inside the chart. */
export function ChartTooltip({ left, top, label, value, theme, testId }: ChartTooltipProps): ReactElement {
  return (
    <TooltipWithBounds
      left={left}
      top={top}
      data-testid={testId}
      style={{
        ...defaultStyles,
        backgroundColor: theme.tooltipBackground,
        color: theme.tooltipColor,
        fontFamily: theme.fontFamily,
        fontSize: 12,
        lineHeight: 1.4,
        padding: '6px 10px',
        borderRadius: 6,
        pointerEvents: 'none',
        whiteSpace: 'nowrap',
      }}
    >
      <div style={{ opacity: 0.8 }}>{label}</div>
      <div style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
    </TooltipWithBounds>
  );
}

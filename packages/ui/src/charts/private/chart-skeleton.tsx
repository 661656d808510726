import type { ReactElement } from 'react';
import type { ChartTheme } from '../../theme/index.js';
import { usePrefersReducedMotion } from './use-prefers-reduced-motion.js';

type ChartSkeletonProps = {
  readonly height: number;
  /** Accessible name of the busy region, e.g. "Loading revenue". */
  readonly label: string;
  readonly theme: ChartTheme;
  readonly testId: string;
};

// Heights (as fractions of the plot) of the placeholder bars: a vague rising line shape.
const BARS = [0.55, 0.4, 0.62, 0.48, 0.7, 0.58, 0.78, 0.66, 0.85];

/**
 * A placeholder the size of the chart, announced as busy. It pulses with SMIL rather than CSS
 * keyframes so the ui package ships no stylesheet, and holds still under reduced motion.
 */
export function ChartSkeleton({ height, label, theme, testId }: ChartSkeletonProps): ReactElement {
  const reducedMotion = usePrefersReducedMotion();
  const plotHeight = Math.max(0, height - 40);
  const slot = 88 / BARS.length;
  return (
    <div role="status" aria-busy="true" aria-label={label} data-testid={testId} style={{ height }}>
      <svg width="100%" height={height} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
        <g style={{ fill: theme.skeletonColor }}>
          {reducedMotion ? null : (
            <animate attributeName="opacity" values="1;0.45;1" dur="1.6s" repeatCount="indefinite" />
          )}
          {BARS.map((fraction, i) => (
            <rect
              key={i}
              x={`${10 + i * slot + slot * 0.15}%`}
              y={16 + plotHeight * (1 - fraction)}
              width={`${slot * 0.7}%`}
              height={plotHeight * fraction}
              rx={3}
            />
          ))}
          <rect x="10%" y={height - 16} width="88%" height={6} rx={3} />
          {[0, 0.25, 0.5, 0.75, 1].map((at) => (
            <rect key={at} x="1%" y={12 + plotHeight * at} width="6%" height={8} rx={3} />
          ))}
        </g>
      </svg>
    </div>
  );
}

import { scaleLinear, scaleTime } from '@visx/scale';
import type { PlotPoint } from './plot-points.js';
import { timeDomain } from './time-domain.js';
import { valueDomain } from './value-domain.js';

const MARGIN = { top: 12, right: 24, bottom: 28 } as const;
// Rough advance width of a tick-label character at the default 11px font: enough to reserve
// room for the y labels without measuring text in the DOM.
const CHAR_WIDTH = 6.5;
const X_TICK_SPACING = 88;
const Y_TICK_SPACING = 48;

const isMidnight = (date: Date) => date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;

// Series of calendar dates (every point at local midnight) get no time-of-day ticks such as
// "12:00" between days: they would suggest intra-day data that is not there.
function dateTicks(ticks: Date[], points: readonly PlotPoint[]): Date[] {
  if (!points.every((p) => isMidnight(p.date))) return ticks;
  const days = ticks.filter(isMidnight);
  return days.length >= 2 ? days : ticks;
}

// Named through @visx/scale so declaration files never reach into d3's own type packages.
type TimeScale = ReturnType<typeof scaleTime<number>>;
type LinearScale = ReturnType<typeof scaleLinear<number>>;

/** Scales, ticks and margins of a revenue chart drawn at a given size. */
export type RevenueLayout = {
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly xScale: TimeScale;
  readonly yScale: LinearScale;
  readonly xTicks: Date[];
  readonly yTicks: number[];
  /** Point markers are drawn only when points are at least this far apart (16px). */
  readonly showMarkers: boolean;
};

/**
 * Lays out a revenue chart: a linear y scale whose niced domain includes zero and refunds, a
 * time x scale, tick values spaced for the available room, and a left margin wide enough for
 * the longest y label.
 *
 * ### Examples
 * ```ts
 * const layout = revenueLayout({ points, width: 640, height: 320, formatValue: money.compact });
 * layout.xScale(points[0].date); // 0
 * ```
 */
export function revenueLayout(options: {
  points: readonly PlotPoint[];
  width: number;
  height: number;
  formatValue: (value: number) => string;
}): RevenueLayout {
  const { points, width, height, formatValue } = options;
  const innerHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const yTickCount = Math.max(2, Math.floor(innerHeight / Y_TICK_SPACING));
  // Nice the domain with the same count as the ticks, so the top and bottom ticks sit on its ends.
  const yScale = scaleLinear<number>({ domain: valueDomain(points.map((p) => p.value)), range: [innerHeight, 0] });
  yScale.nice(yTickCount);
  const yTicks = yScale.ticks(yTickCount);
  const longestLabel = Math.max(...yTicks.map((tick) => formatValue(tick).length));
  const left = Math.min(110, Math.ceil(longestLabel * CHAR_WIDTH) + 14);
  const innerWidth = Math.max(1, width - left - MARGIN.right);
  const xScale = scaleTime<number>({ domain: timeDomain(points.map((p) => p.time)), range: [0, innerWidth] });
  const xTicks = dateTicks(xScale.ticks(Math.max(2, Math.floor(innerWidth / X_TICK_SPACING))), points);
  return {
    margin: { ...MARGIN, left },
    innerWidth,
    innerHeight,
    xScale,
    yScale,
    xTicks,
    yTicks,
    showMarkers: innerWidth / Math.max(1, points.length) >= 16,
  };
}

import { AxisBottom, AxisLeft } from '@visx/axis';
import { curveLinear } from '@visx/curve';
import { localPoint } from '@visx/event';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { Line, LinePath } from '@visx/shape';
import { useMemo, type PointerEvent, type ReactElement } from 'react';
import type { ChartTheme } from '../../theme/index.js';
import { ChartTooltip } from './chart-tooltip.js';
import type { CurrencyFormatters } from './format-currency.js';
import { timeTickFormatter } from './format-date.js';
import { nearestIndex } from './nearest-index.js';
import type { PlotPoint } from './plot-points.js';
import { revenueLayout } from './revenue-layout.js';
import { usePointHighlight } from './use-point-highlight.js';
import { visuallyHidden } from './visually-hidden.js';

type RevenuePlotProps = {
  readonly points: readonly PlotPoint[];
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly theme: ChartTheme;
  readonly money: CurrencyFormatters;
  readonly formatDate: (date: Date) => string;
  readonly locale: string | undefined;
};

/** The drawn revenue chart: grid, axes, line, and the highlighted point with its tooltip. */
export function RevenuePlot(props: RevenuePlotProps): ReactElement {
  const { points, width, height, title, theme, money, formatDate, locale } = props;
  const layout = useMemo(
    () => revenueLayout({ points, width, height, formatValue: money.compact }),
    [points, width, height, money],
  );
  const { margin, innerWidth, innerHeight, xScale, yScale } = layout;
  const tickDate = useMemo(() => timeTickFormatter(locale), [locale]);
  const times = useMemo(() => points.map((p) => p.time), [points]);
  const { index, highlight, onKeyDown, onFocus } = usePointHighlight(points.length);
  const active = index === null ? undefined : points[index];
  const x = (p: PlotPoint) => xScale(p.date);
  const y = (p: PlotPoint) => yScale(p.value);

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const point = localPoint(event.currentTarget, event);
    if (point) highlight(nearestIndex(times, xScale.invert(point.x - margin.left).getTime()));
  };
  const labelStyle = { fill: theme.axisLabelColor, fontFamily: theme.fontFamily, fontSize: theme.fontSize };
  const activeText = active ? `${formatDate(active.date)}: ${money.exact(active.value)}` : '';

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={title}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End"
        tabIndex={0}
        data-testid="revenue-chart-svg"
        style={{ display: 'block', touchAction: 'pan-y' }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => highlight(null)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => highlight(null)}
      >
        <Group left={margin.left} top={margin.top}>
          <GridRows scale={yScale} width={innerWidth} tickValues={layout.yTicks} lineStyle={{ stroke: theme.gridColor }} />
          {yScale.domain()[0]! < 0 ? (
            <Line
              from={{ x: 0, y: yScale(0) }}
              to={{ x: innerWidth, y: yScale(0) }}
              style={{ stroke: theme.axisColor }}
              data-testid="revenue-chart-zero-line"
            />
          ) : null}
          {/* visx axes take colours as attributes, where var() is not reliable: route them via currentColor. */}
          <g style={{ color: theme.axisColor }}>
            <AxisLeft
              scale={yScale}
              tickValues={layout.yTicks}
              tickFormat={(value) => money.compact(Number(value))}
              stroke="currentColor"
              tickStroke="currentColor"
              hideAxisLine
              tickLabelProps={{ style: labelStyle }}
            />
            <AxisBottom
              top={innerHeight}
              scale={xScale}
              tickValues={layout.xTicks}
              tickFormat={(value) => tickDate(value instanceof Date ? value : new Date(Number(value)))}
              stroke="currentColor"
              tickStroke="currentColor"
              tickLabelProps={{ style: labelStyle }}
            />
          </g>
          <LinePath<PlotPoint> x={x} y={y} curve={curveLinear}>
            {({ path }) => (
              <path
                // d3 closes a one-point line with "Z"; dropping it keeps exactly one M/L command per point.
                d={(path(points as PlotPoint[]) ?? '').replace(/Z$/, '')}
                fill="none"
                style={{ stroke: theme.lineColor, strokeWidth: theme.lineWidth, strokeLinejoin: 'round' }}
                data-testid="revenue-chart-line"
                data-point-count={points.length}
              />
            )}
          </LinePath>
          {layout.showMarkers
            ? points.map((p, i) => (
                <circle key={i} cx={x(p)} cy={y(p)} r={3} style={{ fill: theme.pointColor }} data-testid="revenue-chart-marker" />
              ))
            : null}
          {active ? (
            <g pointerEvents="none" data-testid="revenue-chart-highlight">
              <Line
                from={{ x: x(active), y: 0 }}
                to={{ x: x(active), y: innerHeight }}
                style={{ stroke: theme.guideColor, strokeDasharray: '4 3' }}
              />
              <circle cx={x(active)} cy={y(active)} r={5} style={{ fill: theme.pointColor, stroke: 'white', strokeWidth: 2 }} />
            </g>
          ) : null}
        </Group>
      </svg>
      {active ? (
        <ChartTooltip
          left={margin.left + x(active)}
          top={margin.top + y(active)}
          label={formatDate(active.date)}
          value={money.exact(active.value)}
          theme={theme}
          testId="revenue-chart-tooltip"
        />
      ) : null}
      <div aria-live="polite" style={visuallyHidden}>
        {activeText}
      </div>
    </>
  );
}

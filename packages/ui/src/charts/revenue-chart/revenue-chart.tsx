import { useParentSize } from '@visx/responsive';
import { useMemo, type ReactElement } from 'react';
import { defaultChartTheme } from '../../theme/index.js';
import { ChartEmptyState } from '../private/chart-empty-state.js';
import { ChartSkeleton } from '../private/chart-skeleton.js';
import { DataTable } from '../private/data-table.js';
import { currencyFormatters } from '../private/format-currency.js';
import { pointDateFormatter } from '../private/format-date.js';
import { plotPoints } from '../private/plot-points.js';
import { RevenuePlot } from '../private/revenue-plot.js';
import type { RevenueChartLabels, RevenueChartProps } from './revenue-chart-props.js';

const DEFAULT_LABELS: RevenueChartLabels = { loading: 'Loading revenue', date: 'Date', value: 'Revenue' };
const DEFAULT_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/**
 * A line chart of revenue over time that fills its container's width. It shows a busy skeleton
 * while `loading`, `emptyMessage` when there is nothing to draw, and otherwise the line with
 * currency axes and a tooltip that follows the pointer (or the arrow keys once focused). A
 * visually hidden table lists every point for screen readers.
 *
 * ### Examples
 * ```tsx
 * type Day = { day: string; revenue: number };
 *
 * <RevenueChart<Day>
 *   title="Revenue, last 30 days"
 *   data={days}
 *   xAccessor={(d) => new Date(d.day)}
 *   yAccessor={(d) => d.revenue}
 *   currency="EUR"
 *   locale="de-DE"
 * />
 * ```
 */
export function RevenueChart<Datum>(props: RevenueChartProps<Datum>): ReactElement {
  const { data, xAccessor, yAccessor, title, loading = false, currency = 'USD', locale } = props;
  const { height = 320, emptyMessage = 'No revenue in this period', className } = props;
  const theme = props.theme ?? defaultChartTheme;
  const labels = { ...DEFAULT_LABELS, ...props.labels };
  // Options objects are often written inline: key the memo on their content, not their identity.
  const dateFormatKey = JSON.stringify(props.dateFormat ?? DEFAULT_DATE_FORMAT);

  const { parentRef, width } = useParentSize({ debounceTime: 50 });
  const money = useMemo(() => currencyFormatters({ currency, locale }), [currency, locale]);
  const formatDate = useMemo(
    () => pointDateFormatter(locale, JSON.parse(dateFormatKey) as Intl.DateTimeFormatOptions),
    [locale, dateFormatKey],
  );
  const points = useMemo(() => plotPoints(data, xAccessor, yAccessor), [data, xAccessor, yAccessor]);
  const rows = useMemo(
    () => points.map((p, i) => ({ key: String(i), cells: [formatDate(p.date), money.exact(p.value)] as const })),
    [points, formatDate, money],
  );
  const state = loading ? 'loading' : points.length === 0 ? 'empty' : 'ready';

  return (
    <div
      ref={parentRef}
      className={className}
      data-state={state}
      style={{ position: 'relative', width: '100%', minWidth: 0, height, fontFamily: theme.fontFamily }}
    >
      {state === 'loading' ? (
        <ChartSkeleton height={height} label={labels.loading} theme={theme} testId="revenue-chart-skeleton" />
      ) : null}
      {state === 'empty' ? (
        <ChartEmptyState height={height} message={emptyMessage} theme={theme} testId="revenue-chart-empty" />
      ) : null}
      {state === 'ready' && width > 0 ? (
        <RevenuePlot
          points={points}
          width={width}
          height={height}
          title={title}
          theme={theme}
          money={money}
          formatDate={formatDate}
          locale={locale}
        />
      ) : null}
      {state === 'ready' ? (
        <DataTable
          caption={title}
          headers={[labels.date, labels.value]}
          rows={rows}
          testId="revenue-chart-table"
        />
      ) : null}
    </div>
  );
}

import type { ChartTheme } from '../../theme/index.js';

/** Texts a {@link RevenueChartProps} shows or announces besides its title and empty message. */
export type RevenueChartLabels = {
  /** Accessible name of the loading placeholder. Default `'Loading revenue'`. */
  readonly loading: string;
  /** Header of the data table's date column. Default `'Date'`. */
  readonly date: string;
  /** Header of the data table's value column. Default `'Revenue'`. */
  readonly value: string;
};

/**
 * Options of {@link RevenueChart}. `Datum` is whatever the host's rows look like; the accessors
 * read a date and an amount (in major units, e.g. dollars, may be zero or negative) from each.
 */
export type RevenueChartProps<Datum> = {
  /** The series, in any order: points are drawn by date. Rows with an invalid date or a non-finite amount are skipped. */
  readonly data: readonly Datum[];
  /** Reads the date of a row. */
  readonly xAccessor: (d: Datum) => Date;
  /** Reads the revenue of a row, in major currency units. */
  readonly yAccessor: (d: Datum) => number;
  /** Accessible name of the chart (the svg's `aria-label`) and caption of its data table. */
  readonly title: string;
  /** Shows a busy placeholder instead of the data. Default `false`. */
  readonly loading?: boolean;
  /** ISO 4217 code: ticks are compact (`$1.2M`), tooltip and table values exact. Default `'USD'`. */
  readonly currency?: string;
  /** BCP 47 locale for numbers and dates. Default: the browser's locale. */
  readonly locale?: string;
  /** How dates appear in the tooltip and the data table. Default `{ dateStyle: 'medium' }`. */
  readonly dateFormat?: Intl.DateTimeFormatOptions;
  /** Height in pixels, the same in every state; the width follows the container. Default `320`. */
  readonly height?: number;
  /** Shown when there is nothing to draw. Default `'No revenue in this period'`. */
  readonly emptyMessage?: string;
  /** Overrides of the loading label and the table headers, e.g. for translation. */
  readonly labels?: Partial<RevenueChartLabels>;
  /** Class name of the chart's outer element. */
  readonly className?: string;
  /** Colours and font, from {@link buildChartTheme}. Default {@link defaultChartTheme}. */
  readonly theme?: ChartTheme;
};

/**
 * A tick formatter for time axes in the spirit of d3's multi-scale time format: each tick shows
 * the coarsest unit it starts (a year at 1 January, a month on the 1st, otherwise a day or a time),
 * written with `Intl.DateTimeFormat` in the given locale and the runtime's time zone.
 *
 * ### Examples
 * ```ts
 * const tick = timeTickFormatter('en-US');
 * tick(new Date(2025, 0, 1)); // '2025'
 * tick(new Date(2025, 2, 1)); // 'Mar'
 * tick(new Date(2025, 2, 9)); // 'Mar 9'
 * ```
 */
export function timeTickFormatter(locale?: string): (date: Date) => string {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric' });
  return (date) => {
    if (date.getHours() !== 0 || date.getMinutes() !== 0) return time.format(date);
    if (date.getDate() !== 1) return day.format(date);
    if (date.getMonth() !== 0) return month.format(date);
    return year.format(date);
  };
}

/**
 * Formats a point's date for the tooltip and the data table.
 *
 * ### Examples
 * ```ts
 * pointDateFormatter('en-US', { dateStyle: 'medium' })(new Date(2025, 2, 9)); // 'Mar 9, 2025'
 * ```
 */
export function pointDateFormatter(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale, options);
  return (date) => format.format(date);
}

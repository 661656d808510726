/** Formats money two ways: compactly for axis ticks, exactly for tooltips and the data table. */
export type CurrencyFormatters = {
  /** Short form for ticks, e.g. `$1.2M`, `-$350`, `1,2 Mio. €`. */
  readonly compact: (value: number) => string;
  /** Exact form with the currency's minor units, e.g. `$1,234.50`, `1.234,50 €`. */
  readonly exact: (value: number) => string;
};

/**
 * Builds the {@link CurrencyFormatters} for an ISO 4217 currency and a BCP 47 locale
 * (the runtime's default locale when `locale` is undefined).
 *
 * @throws RangeError when the currency code or the locale is not well formed.
 *
 * ### Examples
 * ```ts
 * const money = currencyFormatters({ currency: 'USD', locale: 'en-US' });
 * money.compact(1_234_567); // '$1.2M'
 * money.exact(1234.5); // '$1,234.50'
 * ```
 */
export function currencyFormatters(options: { currency: string; locale?: string | undefined }): CurrencyFormatters {
  const compact = new Intl.NumberFormat(options.locale, {
    style: 'currency',
    currency: options.currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const exact = new Intl.NumberFormat(options.locale, { style: 'currency', currency: options.currency });
  return { compact: (value) => compact.format(value), exact: (value) => exact.format(value) };
}

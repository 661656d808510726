// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { currencyFormatters } from './format-currency.js';

describe('currencyFormatters', () => {
  const usd = currencyFormatters({ currency: 'USD', locale: 'en-US' });

  it('formats ticks compactly', () => {
    expect(usd.compact(1_234_567)).toBe('$1.2M');
    expect(usd.compact(1_500)).toBe('$1.5K');
    expect(usd.compact(250)).toBe('$250');
    expect(usd.compact(0)).toBe('$0');
    expect(usd.compact(-350)).toBe('-$350');
  });

  it('formats exact values with minor units', () => {
    expect(usd.exact(1234.5)).toBe('$1,234.50');
    expect(usd.exact(-89.99)).toBe('-$89.99');
    expect(usd.exact(0)).toBe('$0.00');
  });

  it('follows the locale and currency', () => {
    const eur = currencyFormatters({ currency: 'EUR', locale: 'de-DE' });
    expect(eur.exact(1234.5)).toBe('1.234,50\u00a0€');
    expect(eur.compact(1_200_000)).toBe('1,2\u00a0Mio.\u00a0€');
    const yen = currencyFormatters({ currency: 'JPY', locale: 'ja-JP' });
    expect(yen.exact(1234)).toBe('￥1,234');
  });

  it('rejects a malformed currency code', () => {
    expect(() => currencyFormatters({ currency: 'US', locale: 'en-US' })).toThrow(RangeError);
  });
});

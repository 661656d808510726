import { daysInMonth } from '../../time/civil-date.js';
import type { FilterValue } from './filter-parser.js';

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads an unquoted ISO-8601 filter datetime as milliseconds since the epoch, keeping any
 * sub-millisecond part as a fraction so that strict bounds stay exact. A missing offset means
 * UTC, as Klaviyo reads it; a date alone means its UTC midnight.
 *
 * @example parseFilterDateTime('2026-01-01T00:00:00+01:00') // Date.UTC(2025, 11, 31, 23)
 * @example parseFilterDateTime('2026-02-30T00:00:00Z') // undefined
 */
export function parseFilterDateTime(text: string): number | undefined {
  const match = ISO_DATETIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset = 'Z'] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const extraMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || extraMinutes > 59) return undefined;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + extraMinutes);
  }
  const wholeMs = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return fraction ? wholeMs + Number(`0.${fraction}`) * 1000 : wholeMs;
}

/** Reads a bare decimal number (`1767225600`, `-3.5`); `undefined` for anything else. */
export function parseFilterNumber(text: string): number | undefined {
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** How a value is written, for error messages: `"x"`, `2026-01-01T00:00:00Z`, `[…]`. */
export function describeFilterValue(value: FilterValue): string {
  if (value.kind === 'string') return JSON.stringify(value.value);
  if (value.kind === 'bare') return value.text;
  return `[${value.items.map(describeFilterValue).join(',')}]`;
}

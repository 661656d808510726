import { describe, expect, it } from 'vitest';
import { addDays, assertDateRange, isLocalDate, localDateIn } from './date-range.js';

describe('isLocalDate', () => {
  it.each(['2026-01-31', '2024-02-29', '1999-12-31'])('accepts %s', (value) => expect(isLocalDate(value)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2026-1-31', '2026-01-31T00:00:00Z', '', 'yesterday'])('refuses %j', (value) =>
    expect(isLocalDate(value)).toBe(false),
  );
});

describe('assertDateRange', () => {
  it('accepts a one-day range', () => expect(() => assertDateRange({ from: '2026-01-01', to: '2026-01-01' }, 'day')).not.toThrow());

  it('names the bad field', () => {
    expect(() => assertDateRange({ from: '2026-13-01', to: '2026-01-01' }, 'day')).toThrow(/`from` must be a calendar date/);
    expect(() => assertDateRange({ from: '2026-01-01', to: 'soon' }, 'day')).toThrow(/`to` must be a calendar date/);
  });

  it('refuses a reversed range with a coded error', () => {
    expect(() => assertDateRange({ from: '2026-02-01', to: '2026-01-01' }, 'day')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_RANGE', message: expect.stringContaining('is after') }),
    );
  });

  it('caps the number of buckets but lets longer intervals span more time', () => {
    expect(() => assertDateRange({ from: '2000-01-01', to: '2026-01-01' }, 'day')).toThrow(/longer interval/);
    expect(() => assertDateRange({ from: '2000-01-01', to: '2026-01-01' }, 'month')).not.toThrow();
  });
});

describe('dates in a timezone', () => {
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('tells the local date in the account timezone, not the server one', () => {
    const instant = new Date('2026-03-01T03:30:00Z');
    expect(localDateIn('America/New_York', instant)).toBe('2026-02-28');
    expect(localDateIn('Asia/Tokyo', instant)).toBe('2026-03-01');
  });
});

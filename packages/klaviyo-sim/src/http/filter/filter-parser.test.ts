import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter } from './filter-parser.js';
import { parseFilterDateTime } from './filter-values.js';

describe('parseFilter', () => {
  it('flattens and() and top-level commas into one list of conditions', () => {
    const conditions = parseFilter(`and(equals(metric_id,"Ab1"),and(greater-than(datetime,2026-01-01T00:00:00Z))), less-than(timestamp, 17)`);
    expect(conditions.map(({ position: _, ...rest }) => rest)).toEqual([
      { operator: 'equals', field: 'metric_id', value: { kind: 'string', value: 'Ab1' } },
      { operator: 'greater-than', field: 'datetime', value: { kind: 'bare', text: '2026-01-01T00:00:00Z' } },
      { operator: 'less-than', field: 'timestamp', value: { kind: 'bare', text: '17' } },
    ]);
  });

  it('reads single quotes, escapes, lists and value-less has()', () => {
    expect(parseFilter(`equals(name,'it\\'s'),any(id,["a", 'b']),has(profile)`).map((condition) => condition.value)).toEqual([
      { kind: 'string', value: "it's" },
      { kind: 'list', items: [{ kind: 'string', value: 'a' }, { kind: 'string', value: 'b' }] },
      undefined,
    ]);
  });

  it('restores a "+" offset that arrived as a space', () => {
    expect(parseFilter('less-than(datetime,2026-01-01T00:00:00 05:30)')[0]?.value).toEqual({ kind: 'bare', text: '2026-01-01T00:00:00+05:30' });
  });

  it.each([
    ['', /empty/],
    ['equals(metric_id,"x"', /expected "\)"/],
    ['equals(metric_id,"x)', /never closed/],
    ['equals(metric_id,"x"))', /unexpected "\)"/],
    ['or(equals(a,"x"),equals(a,"y"))', /or\(\) is not supported/],
    ['equals("metric_id","x")', /must start with a field name/],
    ['equals(metric_id,"x","y")', /one value/],
    ['metric_id', /expected "\("/],
  ])('rejects %j', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(filter)).toThrow(message);
  });
});

describe('parseFilterDateTime', () => {
  it('reads the spellings Klaviyo accepts, without an offset as UTC', () => {
    const midnight = Date.UTC(2026, 0, 1);
    expect(parseFilterDateTime('2026-01-01T00:00:00Z')).toBe(midnight);
    expect(parseFilterDateTime('2026-01-01T00:00:00+00:00')).toBe(midnight);
    expect(parseFilterDateTime('2026-01-01T00:00:00')).toBe(midnight);
    expect(parseFilterDateTime('2026-01-01T00:00:00.250Z')).toBe(midnight + 250);
    expect(parseFilterDateTime('2026-01-01T00:00:00.000001Z')).toBeCloseTo(midnight + 0.001, 6);
    expect(parseFilterDateTime('2026-01-01T05:30:00+05:30')).toBe(midnight);
    expect(parseFilterDateTime('2025-12-31T19:00:00-0500')).toBe(midnight);
  });

  it.each(['2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01 00:00:00', 'yesterday', '1767225600'])(
    'rejects %s',
    (text) => expect(parseFilterDateTime(text)).toBeUndefined(),
  );
});

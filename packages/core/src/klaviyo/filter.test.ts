import { describe, expect, it } from 'vitest';
import { klaviyoDatetime, klaviyoFilter } from './filter.js';

describe('klaviyoFilter', () => {
  it('writes the conditions the events endpoint accepts', () => {
    const filter = klaviyoFilter.and(
      klaviyoFilter.equals('metric_id', 'RESQ6t'),
      klaviyoFilter.greaterOrEqual('datetime', new Date('2026-01-01T00:00:00.000Z')),
      klaviyoFilter.lessThan('datetime', new Date('2026-02-01T12:30:45.678Z')),
    );
    expect(filter).toBe('and(equals(metric_id,"RESQ6t"),greater-or-equal(datetime,2026-01-01T00:00:00Z),less-than(datetime,2026-02-01T12:30:45Z))');
  });

  it('leaves a single condition unwrapped and escapes quotes in values', () => {
    expect(klaviyoFilter.and(klaviyoFilter.equals('name', 'say "hi"'))).toBe('equals(name,"say \\"hi\\"")');
  });

  it('drops milliseconds: Klaviyo stores event times to the second', () => {
    expect(klaviyoDatetime(new Date('2026-03-08T07:00:00.999Z'))).toBe('2026-03-08T07:00:00Z');
  });
});

import { describe, expect, it } from 'vitest';
import { transformEvent } from './event-record.js';

const event = (overrides: { attributes?: object; relationships?: object; id?: unknown } = {}) => ({
  type: 'event',
  id: 'id' in overrides ? overrides.id : 'EV1',
  attributes: {
    datetime: '2026-03-01T12:00:00+00:00',
    timestamp: 1772366400,
    uuid: 'u-1',
    event_properties: { $value: 49.95, OrderId: 'A1' },
    ...overrides.attributes,
  },
  relationships: {
    metric: { data: { type: 'metric', id: 'M1' } },
    profile: { data: { type: 'profile', id: 'P1' } },
    ...overrides.relationships,
  },
  links: { self: 'https://a.klaviyo.com/api/events/EV1' },
});

describe('transformEvent', () => {
  it('maps a valid Placed Order event to a row', () => {
    const result = transformEvent(event(), 'M1');
    expect(result).toEqual({
      ok: true,
      row: {
        id: 'EV1',
        metric_id: 'M1',
        profile_id: 'P1',
        datetime: new Date('2026-03-01T12:00:00Z'),
        value: 49.95,
        uuid: 'u-1',
        properties: JSON.stringify({ $value: 49.95, OrderId: 'A1' }),
      },
    });
  });

  it('reads a numeric string $value and treats a missing one as no value', () => {
    const fromString = transformEvent(event({ attributes: { event_properties: { $value: ' 12.50 ' } } }), 'M1');
    expect(fromString.ok && fromString.row.value).toBe(12.5);
    const missing = transformEvent(event({ attributes: { event_properties: {} } }), 'M1');
    expect(missing.ok && missing.row.value).toBeNull();
  });

  it('falls back to the epoch timestamp when datetime is null', () => {
    const result = transformEvent(event({ attributes: { datetime: null, timestamp: 1772366400 } }), 'M1');
    expect(result.ok && result.row.datetime.toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it.each([
    ['no id', event({ id: undefined }), /invalid event: id/],
    ['a datetime that is not a date', event({ attributes: { datetime: 'yesterday' } }), /datetime: is not an ISO-8601 datetime/],
    ['neither datetime nor timestamp', event({ attributes: { datetime: null, timestamp: null } }), /neither datetime nor timestamp/],
    ['a $value that is not a number', event({ attributes: { event_properties: { $value: 'twelve' } } }), /\$value "twelve" is not a finite number/],
    ['another metric', event({ relationships: { metric: { data: { type: 'metric', id: 'M2' } } } }), /event of metric M2 in the stream of metric M1/],
    ['not an object at all', 'garbage', /invalid event/],
  ])('rejects %s with the reason', (_name, record, reason) => {
    const result = transformEvent(record, 'M1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejected.reason).toMatch(reason);
      expect(result.rejected.record).toBe(record);
    }
  });
});

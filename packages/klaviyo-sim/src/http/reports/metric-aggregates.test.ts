import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import { loadSpecValidators } from '../../test-support/openapi-schemas.js';
import { createSimulatorApp } from '../create-simulator-app.js';

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15', 'Content-Type': 'application/vnd.api+json' };
const store = createKlaviyoStore({ seed: 9, size: 1000, ordersPerDay: 20, now: new Date('2026-11-01T00:00:00Z') });
const app = createSimulatorApp(store, { apiKey: 'pk_test' });
const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!;

let validRequest: ValidateFunction;
let validResponse: ValidateFunction;
beforeAll(() => {
  const spec = loadSpecValidators();
  validRequest = spec.schema('MetricAggregateQuery');
  validResponse = spec.schema('PostMetricAggregateResponse');
});

function aggregateBody(attributes: Record<string, unknown>) {
  return { data: { type: 'metric-aggregate', attributes: { metric_id: placedOrder.id, ...attributes } } };
}

async function post(body: unknown, path = '/api/metric-aggregates') {
  const response = await app.request(`http://sim.test${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

/** Every event `GET /api/events` serves between two instants, following links.next. */
async function servedEvents(from: string, to: string): Promise<any[]> {
  const filter = encodeURIComponent(`and(equals(metric_id,"${placedOrder.id}"),greater-or-equal(datetime,${from}),less-than(datetime,${to}))`);
  let url: string | undefined = `http://sim.test/api/events?page[size]=1000&filter=${filter}`;
  const events = [];
  while (url) {
    const page = (await (await app.request(url, { headers })).json()) as any;
    events.push(...page.data);
    url = page.links.next;
  }
  return events;
}

describe('POST /api/metric-aggregates', () => {
  it('equals per local day the count, $value sum and distinct profiles of the events /api/events serves', async () => {
    const body = aggregateBody({
      measurements: ['count', 'sum_value', 'unique'],
      interval: 'day',
      timezone: 'America/Los_Angeles',
      filter: ['greater-or-equal(datetime,2026-09-25T00:00:00)', 'less-than(datetime,2026-10-05T00:00:00)'],
    });
    expect(validRequest(body)).toBe(true);
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(validResponse(response.body)).toBe(true);

    // The bounds are wall times in the query's zone: Los Angeles midnight is 07:00 UTC in autumn.
    const events = await servedEvents('2026-09-25T07:00:00Z', '2026-10-05T07:00:00Z');
    const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });
    const expected = new Map<string, { count: number; sum: number; profiles: Set<string> }>();
    for (const event of events) {
      const day = localDay.format(new Date(event.attributes.datetime));
      const total = expected.get(day) ?? { count: 0, sum: 0, profiles: new Set<string>() };
      total.count += 1;
      total.sum += event.attributes.event_properties.$value;
      total.profiles.add(event.relationships.profile.data.id);
      expected.set(day, total);
    }
    const { dates, data } = response.body.data.attributes;
    expect(dates).toHaveLength(10);
    expect(dates[0]).toBe('2026-09-25T00:00:00-07:00');
    expect(data).toHaveLength(1);
    const [row] = data;
    expect(row.dimensions).toEqual([]);
    dates.forEach((date: string, i: number) => {
      const want = expected.get(date.slice(0, 10)) ?? { count: 0, sum: 0, profiles: new Set() };
      expect(row.measurements.count[i]).toBe(want.count);
      expect(row.measurements.sum_value[i]).toBeCloseTo(want.sum, 6);
      expect(row.measurements.unique[i]).toBe(want.profiles.size);
    });
    expect(row.measurements.count.reduce((a: number, b: number) => a + b, 0)).toBe(events.length);
  });

  it('gives the same totals by hour, day, week and month, each series summing its parts', async () => {
    const totals = [];
    for (const interval of ['hour', 'day', 'week', 'month']) {
      const response = await post(
        aggregateBody({ measurements: ['count', 'sum_value'], interval, timezone: 'Europe/Berlin', filter: ['greater-or-equal(datetime,2026-09-28T00:00:00+02:00)', 'less-than(datetime,2026-11-01T00:00:00+01:00)'] }),
      );
      expect(response.status).toBe(200);
      const [row] = response.body.data.attributes.data;
      totals.push([row.measurements.count.reduce((a: number, b: number) => a + b, 0), row.measurements.sum_value.reduce((a: number, b: number) => a + b, 0)]);
      if (interval === 'week') expect(response.body.data.attributes.dates[0]).toBe('2026-09-28T00:00:00+02:00');
      if (interval === 'month') expect(response.body.data.attributes.dates).toEqual(['2026-09-01T00:00:00+02:00', '2026-10-01T00:00:00+02:00']);
      if (interval === 'hour') expect(response.body.data.attributes.dates).toHaveLength(34 * 24 + 1);
    }
    const events = await servedEvents('2026-09-27T22:00:00Z', '2026-10-31T23:00:00Z');
    const sum = events.reduce((total, event) => total + event.attributes.event_properties.$value, 0);
    for (const [count, value] of totals) {
      expect(count).toBe(events.length);
      expect(value).toBeCloseTo(sum, 4);
    }
  });

  it('groups by a dimension found in event properties', async () => {
    const response = await post(aggregateBody({ measurements: ['count'], by: ['$value_currency'], filter: ['greater-or-equal(datetime,2026-10-01T00:00:00Z)', 'less-than(datetime,2026-10-02T00:00:00Z)'] }));
    expect(response.status).toBe(200);
    expect(response.body.data.attributes.data.map((row: any) => row.dimensions)).toEqual([['USD']]);
  });

  it('answers 400 pointing at what is wrong, and 404 for an unknown metric', async () => {
    const bounds = ['greater-or-equal(datetime,2026-10-01T00:00:00)', 'less-than(datetime,2026-10-02T00:00:00)'];
    const cases: [unknown, number, string][] = [
      [aggregateBody({ measurements: ['count'], filter: [bounds[0]] }), 400, '/data/attributes/filter'],
      [aggregateBody({ measurements: ['count'] }), 400, '/data/attributes/filter'],
      [aggregateBody({ measurements: ['median'], filter: bounds }), 400, '/data/attributes/measurements'],
      [aggregateBody({ measurements: ['count'], filter: bounds, interval: 'year' }), 400, '/data/attributes/interval'],
      [aggregateBody({ measurements: ['count'], filter: bounds, timezone: 'america/new_york' }), 400, '/data/attributes/timezone'],
      [{ data: { type: 'metric', attributes: {} } }, 400, '/data/type'],
      [aggregateBody({ metric_id: 'NoSuch', measurements: ['count'], filter: bounds }), 404, '/data/attributes/metric_id'],
    ];
    const validError = loadSpecValidators().response('ClientError');
    for (const [body, status, pointer] of cases) {
      const response = await post(body);
      expect([response.status, response.body.errors[0].source.pointer]).toEqual([status, pointer]);
      expect(validError(response.body)).toBe(true);
    }
    const notJson = await app.request('http://sim.test/api/metric-aggregates', { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
    expect((await app.request('http://sim.test/api/metric-aggregates', { headers })).status).toBe(405);
  });
});

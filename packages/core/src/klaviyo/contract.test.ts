import { createKlaviyoStore, createSimulatorApp } from '@klens/klaviyo-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlensDatabase } from '../database/database.js';
import { syncAccount } from '../sync/sync-account.js';
import { RESOURCE_STREAMS } from '../sync/types.js';
import { openTestDatabase } from '../testing/test-database.js';
import { createKlaviyoClient } from './client.js';
import { klaviyoDatetime } from './filter.js';
import { type CapturedExchange, capturingFetch, specContract } from './test-support/spec-contract.js';

// Every request the client sends is checked against openapi-subset.json (path, method, query
// parameters and their enums and limits, filter fields and operators, headers, POST bodies), and
// every response it receives against the response schema.

const store = createKlaviyoStore({ seed: 5, size: 400, months: 3, ordersPerDay: 4, now: new Date('2026-07-01T00:00:00Z') });
const app = createSimulatorApp(store, { apiKey: 'pk_contract' });
let database: KlensDatabase;
const contract = specContract();

beforeAll(async () => {
  database = await openTestDatabase('pglite');
});
afterAll(async () => {
  await database?.close();
});

const exchange = (url: string, overrides: Partial<CapturedExchange> = {}): CapturedExchange => ({
  method: 'GET',
  url: new URL(url, 'http://x.test'),
  headers: { revision: '2026-07-15', authorization: 'Klaviyo-API-Key pk_x' },
  body: undefined,
  status: 200,
  responseBody: {},
  ...overrides,
});

describe('the contract checker', () => {
  it('finds what is wrong with a request', () => {
    const cases: Array<[CapturedExchange, RegExp]> = [
      [exchange('/api/events?page[size]=2000'), /page\[size\]: 2000 > maximum 1000/],
      [exchange('/api/events?include=metrics'), /'metrics' is not one of/],
      [exchange('/api/events?colour=red'), /colour is not declared/],
      [exchange('/api/events?filter=equals(colour,"red")'), /colour is not filterable/],
      [exchange('/api/profiles?filter=greater-or-equal(updated,2026-01-01T00:00:00Z)'), /greater-or-equal\(updated\) is not allowed/],
      [exchange('/api/campaigns?filter=equals(status,"Sent")'), /messages.channel filter/],
      [exchange('/api/campaigns'), /required query parameter filter is missing/],
      [exchange('/api/lists?page[size]=11'), /maximum 10/],
      [exchange('/api/metrics', { headers: { authorization: 'Klaviyo-API-Key pk_x' } }), /required header parameter revision/],
      [exchange('/api/metrics', { headers: { revision: '2026-07-15', authorization: 'Bearer x' } }), /Authorization/],
      [exchange('/api/metrics', { method: 'POST' }), /not an operation/],
      [exchange('/api/metric-aggregates', { method: 'POST', body: { data: { type: 'metric-aggregate', attributes: { metric_id: 'X' } } } }), /body:.*measurements/],
    ];
    for (const [request, problem] of cases) expect(contract.requestProblems(request).join('\n'), request.url.href).toMatch(problem);
    expect(contract.requestProblems(exchange('/api/events?page[size]=1000&include=metric,attributions&sort=-datetime'))).toEqual([]);
  });

  it('finds what is wrong with a response', () => {
    expect(contract.responseProblems(exchange('/api/metrics', { responseBody: { data: [{ type: 'metric', id: 'x' }], links: {} } }))[0]).toMatch(/get_metrics 200/);
    expect(contract.responseProblems(exchange('/api/metrics', { status: 400, responseBody: { errors: [{}] } }))[0]).toMatch(/get_metrics 400/);
  });
});

describe('what the client sends and receives', () => {
  const captured = capturingFetch(async (input, init) => app.fetch(new Request(input, init)));
  const klaviyo = createKlaviyoClient({ apiKey: 'pk_contract', baseUrl: 'http://sim.test', fetch: captured.fetch, sleep: async () => {} });
  const placedOrder = () => store.metrics.find((metric) => metric.name === 'Placed Order')!.id;

  it('a full sync of every resource follows the spec in every request and response', async () => {
    captured.exchanges.length = 0;
    await syncAccount({ database, klaviyo, clock: () => store.now, backfillFrom: new Date(store.now.getTime() - 30 * 86_400_000), pageSize: 40, resources: RESOURCE_STREAMS });
    const operations = new Set(captured.exchanges.map((sent) => contract.operationOf(sent.method, sent.url.pathname)?.operation.operationId));
    expect([...operations].sort()).toEqual([
      'get_accounts', 'get_actions_for_flow', 'get_campaigns', 'get_events', 'get_flow_action_messages', 'get_flows', 'get_lists',
      'get_messages_for_campaign', 'get_metrics', 'get_profiles', 'get_segments',
    ]);
    expect(captured.exchanges.some((sent) => sent.url.searchParams.has('page[cursor]'))).toBe(true);
    expectAllValid(captured.exchanges);
  }, 120_000);

  it('the metric aggregate and report queries follow the spec, bodies included', async () => {
    captured.exchanges.length = 0;
    const timeframe = { start: '2026-06-01T00:00:00+00:00', end: '2026-06-30T00:00:00+00:00' };
    await klaviyo.post('/api/metric-aggregates', {
      data: {
        type: 'metric-aggregate',
        attributes: {
          metric_id: placedOrder(),
          measurements: ['count', 'sum_value', 'unique'],
          filter: [`greater-or-equal(datetime,${klaviyoDatetime(new Date(timeframe.start))})`, `less-than(datetime,${klaviyoDatetime(new Date(timeframe.end))})`],
          interval: 'day',
          by: ['$attributed_channel'],
          timezone: 'UTC',
        },
      },
    });
    const statistics: Array<'recipients' | 'opens_unique' | 'conversions' | 'conversion_value'> = ['recipients', 'opens_unique', 'conversions', 'conversion_value'];
    await klaviyo.post('/api/campaign-values-reports', { data: { type: 'campaign-values-report', attributes: { statistics, timeframe, conversion_metric_id: placedOrder() } } });
    await klaviyo.post('/api/flow-values-reports', { data: { type: 'flow-values-report', attributes: { statistics, timeframe: { key: 'last_30_days' }, conversion_metric_id: placedOrder() } } });
    await klaviyo.post('/api/flow-series-reports', { data: { type: 'flow-series-report', attributes: { statistics, timeframe, interval: 'weekly', conversion_metric_id: placedOrder() } } });
    expect(captured.exchanges.map((sent) => sent.status)).toEqual([200, 200, 200, 200]);
    expectAllValid(captured.exchanges);
  });
});

function expectAllValid(exchanges: readonly CapturedExchange[]): void {
  expect(exchanges.length).toBeGreaterThan(0);
  for (const sent of exchanges) {
    expect(contract.requestProblems(sent), `${sent.method} ${sent.url.href}`).toEqual([]);
    expect(sent.status, sent.url.href).toBe(200);
    expect(contract.responseProblems(sent), sent.url.href).toEqual([]);
  }
}

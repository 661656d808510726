import { type RunningSimulator, startSimulator } from '@klens/klaviyo-sim';
import { ApiKeySession, CampaignsApi, EventsApi, MetricsApi, ReportingApi } from 'klaviyo-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlaviyoClient, KLAVIYO_REVISION, type KlaviyoClient } from './client.js';
import { klaviyoDatetime, klaviyoFilter } from './filter.js';

// The official Node SDK (klaviyo-api, written by Klaviyo, not here) and our client read the same
// simulator and must get the same records and numbers.

let sim: RunningSimulator;
let ours: KlaviyoClient;
let session: ApiKeySession;
let placedOrder: string;
const from = new Date('2026-06-01T00:00:00Z');
const to = new Date('2026-07-01T00:00:00Z');

/** An SDK API class pointed at the simulator (each class has its own base path). */
function sdk<T extends { basePath: string }>(Api: new (session: ApiKeySession) => T): T {
  const api = new Api(session);
  api.basePath = sim.url;
  return api;
}

/** The `page[cursor]` of a links.next URL: the SDK extracts it itself only from https:// links. */
const cursorOf = (next: string | undefined) => (next ? (new URL(next).searchParams.get('page[cursor]') ?? undefined) : undefined);

beforeAll(async () => {
  sim = await startSimulator({ seed: 41, ordersPerDay: 8, now: new Date('2026-08-01T00:00:00Z'), port: 0 });
  ours = createKlaviyoClient({ apiKey: sim.apiKey, baseUrl: sim.url, sleep: async () => {} });
  session = new ApiKeySession(sim.apiKey);
  placedOrder = sim.store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
});
afterAll(() => sim?.close());

describe('the official SDK and our client agree', () => {
  it('on the metrics, and the SDK sends the revision we pin, which the simulator accepts', async () => {
    const { body, response } = await sdk(MetricsApi).getMetrics();
    expect(response.config.headers.revision).toBe(KLAVIYO_REVISION);
    expect(response.status).toBe(200);
    const mine: Array<{ id: string; name: string | null | undefined }> = [];
    for await (const page of ours.list('/api/metrics')) mine.push(...page.body.data.map((metric) => ({ id: metric.id, name: metric.attributes.name })));
    expect(body.data.map((metric) => ({ id: metric.id, name: metric.attributes.name }))).toEqual(mine);
    expect(mine.length).toBe(sim.store.metrics.length);
  });

  it('on every event of a month, paged 100 at a time', async () => {
    const filter = klaviyoFilter.and(klaviyoFilter.equals('metric_id', placedOrder), klaviyoFilter.greaterOrEqual('datetime', from), klaviyoFilter.lessThan('datetime', to));
    const events = sdk(EventsApi);
    const theirs: Array<{ id: string; value: unknown }> = [];
    let pageCursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await events.getEvents({ filter, sort: 'datetime', pageSize: 100, ...(pageCursor ? { pageCursor } : {}) });
      theirs.push(...body.data.map((event) => ({ id: event.id, value: (event.attributes.eventProperties as Record<string, unknown> | undefined)?.$value })));
      pageCursor = cursorOf(body.links?.next);
      pages += 1;
    } while (pageCursor);
    const mine: Array<{ id: string; value: unknown }> = [];
    for await (const page of ours.list('/api/events', { query: { filter, sort: 'datetime', 'page[size]': 100 } })) {
      mine.push(...page.body.data.map((event) => ({ id: event.id, value: (event.attributes.event_properties as Record<string, unknown> | undefined)?.$value })));
    }
    expect(pages).toBeGreaterThan(1);
    expect(theirs).toEqual(mine);
    expect(mine.map((event) => event.id)).toEqual([...sim.store.events({ metricId: placedOrder, from, to })].map((event) => event.id));
  });

  it('on the email campaigns', async () => {
    const filter = "equals(messages.channel,'email')";
    const campaigns = sdk(CampaignsApi);
    const theirs: string[] = [];
    let pageCursor: string | undefined;
    do {
      const { body } = await campaigns.getCampaigns(filter, pageCursor ? { pageCursor } : {});
      theirs.push(...body.data.map((campaign) => campaign.id));
      pageCursor = cursorOf(body.links?.next);
    } while (pageCursor);
    const mine: string[] = [];
    for await (const page of ours.list('/api/campaigns', { query: { filter } })) mine.push(...page.body.data.map((campaign) => campaign.id));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).toEqual(mine);
  });

  it('on a metric aggregate (count and revenue per day)', async () => {
    const filter = [`greater-or-equal(datetime,${klaviyoDatetime(from)})`, `less-than(datetime,${klaviyoDatetime(to)})`];
    const { body } = await sdk(MetricsApi).queryMetricAggregates({
      data: { type: 'metric-aggregate', attributes: { metricId: placedOrder, measurements: ['count', 'sum_value'], filter, interval: 'day', timezone: 'UTC' } },
    });
    const mine = await ours.post('/api/metric-aggregates', {
      data: { type: 'metric-aggregate', attributes: { metric_id: placedOrder, measurements: ['count', 'sum_value'], filter, interval: 'day', timezone: 'UTC' } },
    });
    const theirs = body.data.attributes;
    expect(theirs.dates.map((date) => new Date(date).toISOString())).toEqual(mine.body.data.attributes.dates.map((date) => new Date(date).toISOString()));
    expect(theirs.data.map((row) => row.measurements)).toEqual(mine.body.data.attributes.data.map((row) => row.measurements));
    const count = (mine.body.data.attributes.data[0]!.measurements.count ?? []).reduce((sum: number, n) => sum + Number(n), 0);
    expect(count).toBe([...sim.store.events({ metricId: placedOrder, from, to })].length);
  });

  it('on a campaign values report', async () => {
    const statistics = ['recipients', 'delivered', 'opens_unique', 'clicks_unique', 'conversions', 'conversion_value'] as const;
    const timeframe = { start: from.toISOString(), end: to.toISOString() };
    const { body } = await sdk(ReportingApi).queryCampaignValues({
      data: { type: 'campaign-values-report', attributes: { statistics: [...statistics], timeframe: { start: from, end: to }, conversionMetricId: placedOrder } },
    });
    const mine = await ours.post('/api/campaign-values-reports', {
      data: { type: 'campaign-values-report', attributes: { statistics: [...statistics], timeframe, conversion_metric_id: placedOrder } },
    });
    const theirs = body.data.attributes.results.map((row) => ({ groupings: row.groupings, statistics: row.statistics }));
    const results = mine.body.data.attributes.results.map((row) => ({ groupings: row.groupings, statistics: row.statistics }));
    expect(results.length).toBeGreaterThan(0);
    expect(theirs).toEqual(results);
  });
});


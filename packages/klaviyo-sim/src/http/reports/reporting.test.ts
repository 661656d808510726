import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import { reportClient, sum } from '../../test-support/report-client.js';
import { createSimulatorApp } from '../create-simulator-app.js';

const headers = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15', 'Content-Type': 'application/vnd.api+json' };
const store = createKlaviyoStore({ seed: 4, size: 1000 });
const { post, validator } = reportClient(store);
const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!;
/** 1–14 September 2026 in New York (the account's zone): custom timeframes include the end day. */
const TIMEFRAME = { start: '2026-09-01T00:00:00+00:00', end: '2026-09-14T00:00:00+00:00' };
const DAY = 86_400_000;
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Orders attributed to a campaign, flow or message whose New York date lies in [first, last]. */
function attributedIn(target: { campaignId?: string; messageId?: string }, first: string, last: string) {
  const from = new Date(Date.parse(`${first}T00:00:00Z`) - DAY);
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + 2 * DAY);
  return [...store.attributedOrders({ ...target, from, to })].filter((order) => {
    const date = localDate.format(order.event.datetime);
    return date >= first && date <= last;
  });
}
const COUNTS = ['recipients', 'delivered', 'opens', 'opens_unique', 'clicks', 'conversions', 'conversion_value', 'unsubscribes'] as const;

function reportBody(type: string, attributes: Record<string, unknown>) {
  return { data: { type, attributes: { statistics: [...COUNTS], timeframe: TIMEFRAME, conversion_metric_id: placedOrder.id, ...attributes } } };
}

describe('POST /api/campaign-values-reports', () => {
  it("gives each campaign message the value and count of the orders attributed to it in the window", async () => {
    // Two weeks around the first order a campaign drove after August, so the window has conversions.
    let anchor: Date | undefined;
    for (const { event, attribution } of store.attributedOrders({ from: new Date('2026-08-01T00:00:00Z') })) {
      if (attribution.campaignId === undefined) continue;
      anchor = event.datetime;
      break;
    }
    const first = localDate.format(new Date(anchor!.getTime() - 6 * DAY));
    const last = localDate.format(new Date(anchor!.getTime() + 7 * DAY));
    const timeframe = { start: `${first}T00:00:00+00:00`, end: `${last}T00:00:00+00:00` };
    const { status, body } = await post(
      '/api/campaign-values-reports',
      reportBody('campaign-values-report', { timeframe }),
      'CampaignValuesRequestDTO',
      'PostCampaignValuesResponseDTO',
    );
    expect(status).toBe(200);
    const results = body.data.attributes.results as any[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((result) => result.statistics.conversions > 0)).toBe(true);
    for (const result of results) {
      expect(Object.keys(result.groupings).sort()).toEqual(['campaign_id', 'campaign_message_id', 'send_channel']);
      const orders = attributedIn({ campaignId: result.groupings.campaign_id }, first, last);
      expect(result.statistics.conversions).toBe(orders.length);
      expect(result.statistics.conversion_value).toBeCloseTo(sum(orders.map((order) => order.event.value)), 6);
      expect(result.statistics.recipients).toBeGreaterThanOrEqual(result.statistics.delivered);
    }
    const campaigns = new Set(results.map((result) => result.groupings.campaign_id));
    expect(body.data.relationships.campaigns.data.map((item: any) => item.id).sort()).toEqual([...campaigns].sort());
  });

  it('filters by channel and message, and groups by the message name', async () => {
    const all = (await post('/api/campaign-values-reports', reportBody('campaign-values-report', {}))).body.data.attributes.results as any[];
    expect(all.length).toBeGreaterThan(0);
    for (const channel of ['sms', 'email']) {
      const filtered = await post('/api/campaign-values-reports', reportBody('campaign-values-report', { filter: `equals(send_channel,"${channel}")` }));
      expect(filtered.body.data.attributes.results).toEqual(all.filter((result) => result.groupings.send_channel === channel));
    }
    const first = all[0].groupings.campaign_message_id;
    const one = await post(
      '/api/campaign-values-reports',
      reportBody('campaign-values-report', { group_by: ['campaign_id', 'campaign_message_id', 'campaign_message_name'], filter: `and(contains-any(campaign_message_id,["${first}"]))` }),
      'CampaignValuesRequestDTO',
    );
    expect(one.body.data.attributes.results).toHaveLength(1);
    expect(one.body.data.attributes.results[0].groupings.campaign_message_name).toBe(store.campaignMessage(first)?.label);
  });
});

describe('POST /api/flow-series-reports and /api/flow-values-reports', () => {
  it('has daily series that sum to the values report and to the weekly series', async () => {
    const daily = await post('/api/flow-series-reports', reportBody('flow-series-report', { interval: 'daily' }), 'FlowSeriesRequestDTO', 'PostFlowSeriesResponseDTO');
    const weekly = await post('/api/flow-series-reports', reportBody('flow-series-report', { interval: 'weekly' }), 'FlowSeriesRequestDTO', 'PostFlowSeriesResponseDTO');
    const values = await post('/api/flow-values-reports', reportBody('flow-values-report', {}), 'FlowValuesRequestDTO', 'PostFlowValuesResponseDTO');
    expect([daily.status, weekly.status, values.status]).toEqual([200, 200, 200]);
    expect(daily.body.data.attributes.date_times).toHaveLength(14);
    expect(daily.body.data.attributes.date_times[0]).toBe('2026-09-01T00:00:00-04:00');
    // 1 September 2026 is a Tuesday: the first ISO week starts on Monday 31 August.
    expect(weekly.body.data.attributes.date_times).toEqual(['2026-08-31T00:00:00-04:00', '2026-09-07T00:00:00-04:00', '2026-09-14T00:00:00-04:00']);

    const key = (result: any) => `${result.groupings.flow_id}/${result.groupings.flow_message_id}`;
    const weeklyByKey = new Map((weekly.body.data.attributes.results as any[]).map((result) => [key(result), result]));
    const dailyResults = daily.body.data.attributes.results as any[];
    expect(dailyResults.map(key)).toEqual((values.body.data.attributes.results as any[]).map(key));
    expect(dailyResults.length).toBeGreaterThan(0);
    (values.body.data.attributes.results as any[]).forEach((valueResult, i) => {
      const dailyResult = dailyResults[i];
      for (const statistic of COUNTS) {
        expect(sum(dailyResult.statistics[statistic])).toBeCloseTo(valueResult.statistics[statistic], 6);
        expect(sum(weeklyByKey.get(key(valueResult)).statistics[statistic])).toBeCloseTo(valueResult.statistics[statistic], 6);
      }
      const orders = attributedIn({ messageId: valueResult.groupings.flow_message_id }, '2026-09-01', '2026-09-14');
      expect(valueResult.statistics.conversion_value).toBeCloseTo(sum(orders.map((order) => order.event.value)), 6);
    });
  });
});

describe('report request errors', () => {
  it('answers 400 pointing at the attribute, with what is expected', async () => {
    const receivedEmail = store.metrics.find((metric) => metric.name === 'Received Email')!;
    const cases: [string, unknown, string, RegExp][] = [
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { conversion_metric_id: undefined }), '/data/attributes/conversion_metric_id', /required/],
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { conversion_metric_id: receivedEmail.id }), '/data/attributes/conversion_metric_id', /does not support querying for values data/],
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { group_by: ['campaign_id', 'send_channel'] }), '/data/attributes/group_by', /campaign_message_id/],
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { timeframe: { key: 'last_decade' } }), '/data/attributes/timeframe', /last_30_days/],
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { timeframe: { start: '2025-01-01T00:00:00Z', end: '2026-06-01T00:00:00Z' } }), '/data/attributes/timeframe', /1 year/],
      ['/api/campaign-values-reports', reportBody('campaign-values-report', { filter: 'equals(send_channel,"fax")' }), '/data/attributes/filter', /whatsapp/],
      ['/api/flow-series-reports', reportBody('flow-series-report', {}), '/data/attributes/interval', /daily/],
      ['/api/flow-series-reports', reportBody('flow-series-report', { interval: 'daily', timeframe: { key: 'last_90_days' } }), '/data/attributes/timeframe', /60 days/],
      ['/api/flow-series-reports', reportBody('flow-series-report', { interval: 'hourly' }), '/data/attributes/timeframe', /hourly series may span at most 7 days; this timeframe spans 14/],
      ['/api/flow-values-reports', reportBody('campaign-values-report', {}), '/data/type', /flow-values-report/],
    ];
    for (const [path, body, pointer, detail] of cases) {
      const { status, body: answer } = await post(path, body);
      expect([status, answer.errors[0].source.pointer]).toEqual([400, pointer]);
      expect(answer.errors[0].detail).toMatch(detail);
      expect(validator('ClientError')(answer)).toBe(true);
    }
  });
});

describe('the reports daily quota', () => {
  it('allows 225 report requests per UTC day, then answers 429 until midnight', async () => {
    const day = Date.UTC(2027, 0, 4);
    const clock = { now: day };
    const limited = createSimulatorApp(store, { apiKey: 'pk_test', rateLimits: 'klaviyo', clock: () => clock.now });
    // Bodies that fail validation still count: the limiter runs before the report is read.
    const send = () => limited.request('http://sim.test/api/flow-series-reports', { method: 'POST', headers, body: '{}' });
    for (let i = 0; i < 225; i += 1) {
      expect((await send()).status).toBe(400);
      clock.now += 30_001;
    }
    const throttled = await send();
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('Retry-After'))).toBe(Math.ceil((day + 86_400_000 - clock.now) / 1000));
    clock.now = day + 86_400_000;
    expect((await send()).status).toBe(400);
  });
});

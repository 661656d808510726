import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import type { SimEvent } from '../../store/types.js';
import { reportClient, sum } from '../../test-support/report-client.js';

const store = createKlaviyoStore({ seed: 4, size: 1000 });
const { post, validator } = reportClient(store);
const metricId = (name: string) => store.metrics.find((metric) => metric.name === name)!.id;
/** January to October 2026 in New York; the store ends on 1 November (UTC). */
const TIMEFRAME = { start: '2026-01-01T00:00:00+00:00', end: '2026-10-31T00:00:00+00:00' };
const FROM = new Date('2026-01-01T05:00:00Z');
const STATISTICS = ['conversions', 'conversion_value', 'conversion_uniques', 'conversion_rate', 'delivered'];
const cents = (value: number) => Math.round(value * 100) / 100;

type Source = 'campaign' | 'flow';

async function valuesReport(source: Source, conversionMetric: string) {
  const type = `${source}-values-report`;
  const body = { data: { type, attributes: { statistics: STATISTICS, timeframe: TIMEFRAME, conversion_metric_id: metricId(conversionMetric) } } };
  const schema = source === 'campaign' ? 'CampaignValues' : 'FlowValues';
  const answer = await post(`/api/${type}s`, body, `${schema}RequestDTO`, `Post${schema}ResponseDTO`);
  expect(answer.status).toBe(200);
  return answer.body.data.attributes.results as any[];
}

/** A metric's events attributed to each campaign or flow message, read from the events themselves. */
function attributedEvents(metricName: string, source: Source): Map<string, SimEvent[]> {
  const byMessage = new Map<string, SimEvent[]>();
  for (const event of store.events({ metricId: metricId(metricName), from: FROM })) {
    const owner = source === 'campaign' ? event.message?.campaignId : event.message?.flowId;
    if (owner === undefined) continue;
    const messageId = event.properties.$attributed_message as string;
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), event]);
  }
  return byMessage;
}

describe('reports with Ordered Product as the conversion metric', () => {
  for (const source of ['campaign', 'flow'] as const) {
    it(`gives each ${source} message the count, value and buyers of its attributed Ordered Products`, async () => {
      const results = await valuesReport(source, 'Ordered Product');
      const expected = attributedEvents('Ordered Product', source);
      expect(expected.size).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (const { groupings, statistics } of results) {
        const messageId = groupings[`${source}_message_id`];
        const events = expected.get(messageId) ?? [];
        if (events.length > 0) seen.add(messageId);
        expect(statistics.conversions, messageId).toBe(events.length);
        expect(statistics.conversion_value, messageId).toBeCloseTo(cents(sum(events.map((event) => event.properties.$value as number))), 6);
        const buyers = new Set(events.map((event) => event.profileId)).size;
        expect(statistics.conversion_uniques, messageId).toBe(buyers);
        expect(statistics.conversion_rate, messageId).toBeCloseTo(statistics.delivered > 0 ? buyers / statistics.delivered : 0, 6);
      }
      expect([...seen].sort()).toEqual([...expected.keys()].sort());
    });
  }

  it('counts a line per product, so an order of several products counts more than once', async () => {
    const products = await valuesReport('campaign', 'Ordered Product');
    const orders = await valuesReport('campaign', 'Placed Order');
    const total = (results: any[]) => sum(results.map((result) => result.statistics.conversions));
    expect(total(products)).toBeGreaterThan(total(orders));
  });

  it('has a weekly flow series that adds up to the flow values report', async () => {
    const attributes = { statistics: STATISTICS, timeframe: TIMEFRAME, conversion_metric_id: metricId('Ordered Product'), interval: 'weekly' };
    const series = await post('/api/flow-series-reports', { data: { type: 'flow-series-report', attributes } }, 'FlowSeriesRequestDTO', 'PostFlowSeriesResponseDTO');
    const values = await valuesReport('flow', 'Ordered Product');
    expect(series.status).toBe(200);
    values.forEach((result, i) => {
      for (const statistic of ['conversions', 'conversion_value']) {
        expect(sum(series.body.data.attributes.results[i].statistics[statistic])).toBeCloseTo(result.statistics[statistic], 6);
      }
    });
  });

  it('answers 400 "does not support querying for values data" for metrics without attributed values', async () => {
    for (const name of ['Active on Site', 'Viewed Product', 'Started Checkout', 'Received Email', 'Clicked SMS']) {
      const body = { data: { type: 'campaign-values-report', attributes: { statistics: STATISTICS, timeframe: TIMEFRAME, conversion_metric_id: metricId(name) } } };
      const { status, body: answer } = await post('/api/campaign-values-reports', body);
      expect([status, answer.errors[0].source.pointer]).toEqual([400, '/data/attributes/conversion_metric_id']);
      expect(answer.errors[0].detail).toBe(`Metric ${name} (${metricId(name)}) does not support querying for values data.`);
      expect(validator('ClientError')(answer)).toBe(true);
    }
  });
});

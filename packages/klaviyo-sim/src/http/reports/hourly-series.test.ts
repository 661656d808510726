import { describe, expect, it } from 'vitest';
import { createKlaviyoStore } from '../../store/create-klaviyo-store.js';
import { reportClient, sum } from '../../test-support/report-client.js';

// Big enough for flow receipts in most hours of a week and a few attributed orders.
const store = createKlaviyoStore({ seed: 4, size: 20_000 });
const { post } = reportClient(store);
const metricId = (name: string) => store.metrics.find((metric) => metric.name === name)!.id;
const COUNTS = ['recipients', 'delivered', 'opens', 'opens_unique', 'clicks', 'clicks_unique', 'conversions', 'conversion_value', 'unsubscribes'] as const;
const HOUR = 3_600_000;

/** Posts the same flow report hourly, daily and as values over a timeframe of New York days. */
async function flowReports(timeframe: { start: string; end: string }) {
  const attributes = { statistics: [...COUNTS], timeframe, conversion_metric_id: metricId('Placed Order') };
  const series = (interval: string) =>
    post('/api/flow-series-reports', { data: { type: 'flow-series-report', attributes: { ...attributes, interval } } }, 'FlowSeriesRequestDTO', 'PostFlowSeriesResponseDTO');
  const [hourly, daily, values] = await Promise.all([
    series('hourly'),
    series('daily'),
    post('/api/flow-values-reports', { data: { type: 'flow-values-report', attributes } }, 'FlowValuesRequestDTO', 'PostFlowValuesResponseDTO'),
  ]);
  expect([hourly.status, daily.status, values.status]).toEqual([200, 200, 200]);
  return { hourly: hourly.body.data.attributes, daily: daily.body.data.attributes, values: values.body.data.attributes };
}

/** Each statistic's hours summed per local day (the day is the date part of each date_time). */
function perDay(dateTimes: string[], series: number[]): number[] {
  const days = new Map<string, number>();
  dateTimes.forEach((dateTime, i) => days.set(dateTime.slice(0, 10), (days.get(dateTime.slice(0, 10)) ?? 0) + (series[i] as number)));
  return [...days.values()];
}

describe('POST /api/flow-series-reports with interval hourly', () => {
  it('has local hours that add up to the daily series and to the values report', async () => {
    const { hourly, daily, values } = await flowReports({ start: '2026-09-01T00:00:00+00:00', end: '2026-09-07T00:00:00+00:00' });
    expect(hourly.date_times).toHaveLength(7 * 24);
    expect(hourly.date_times.slice(0, 2)).toEqual(['2026-09-01T00:00:00-04:00', '2026-09-01T01:00:00-04:00']);
    expect(hourly.date_times.at(-1)).toBe('2026-09-07T23:00:00-04:00');
    const key = (result: any) => `${result.groupings.flow_id}/${result.groupings.flow_message_id}`;
    expect(hourly.results.map(key)).toEqual(values.results.map(key));
    expect(daily.results.map(key)).toEqual(values.results.map(key));
    expect(values.results.length).toBeGreaterThan(0);
    values.results.forEach((valueResult: any, i: number) => {
      const hours = hourly.results[i].statistics;
      for (const statistic of COUNTS) {
        expect(hours[statistic]).toHaveLength(7 * 24);
        const days = perDay(hourly.date_times, hours[statistic]);
        days.forEach((total, day) => expect(total, `${key(valueResult)} ${statistic} day ${day}`).toBeCloseTo(daily.results[i].statistics[statistic][day], 6));
        expect(sum(hours[statistic]), `${key(valueResult)} ${statistic}`).toBeCloseTo(valueResult.statistics[statistic], 6);
      }
    });
    expect(sum(values.results.map((result: any) => result.statistics.conversions))).toBeGreaterThan(0);
  });

  it('puts each receipt in the local hour it happened', async () => {
    const timeframe = { start: '2026-09-01T00:00:00+00:00', end: '2026-09-07T00:00:00+00:00' };
    const { hourly } = await flowReports(timeframe);
    const from = Date.parse('2026-09-01T04:00:00Z');
    const expected = new Map<string, number[]>();
    for (const event of store.events({ metricId: [metricId('Received Email'), metricId('Received SMS')], from: new Date(from), to: new Date(from + 7 * 24 * HOUR) })) {
      if (event.message?.flowId === undefined) continue;
      const counts = expected.get(event.message.messageId) ?? Array.from({ length: 7 * 24 }, () => 0);
      expected.set(event.message.messageId, counts);
      // New York is on daylight time all week: its local hours are whole UTC hours.
      const hour = Math.floor((event.datetime.getTime() - from) / HOUR);
      counts[hour] = (counts[hour] ?? 0) + 1;
    }
    const delivered = new Map<string, number[]>(hourly.results.map((result: any) => [result.groupings.flow_message_id, result.statistics.delivered]));
    expect(expected.size).toBeGreaterThan(0);
    expect([...expected.keys()].filter((messageId) => !delivered.has(messageId))).toEqual([]);
    for (const [messageId, counts] of delivered) expect(counts, messageId).toEqual(expected.get(messageId) ?? counts.map(() => 0));
    // Flows send around the clock, so a wrong bucket would show: most hours have receipts somewhere.
    const busyHours = Array.from({ length: 7 * 24 }, (_, hour) => [...expected.values()].some((counts) => (counts[hour] as number) > 0)).filter(Boolean);
    expect(busyHours.length).toBeGreaterThan(24);
  });

  it('has 23 hours on the spring-forward day and still adds up to the values report', async () => {
    const { hourly, values } = await flowReports({ start: '2026-03-05T00:00:00+00:00', end: '2026-03-11T00:00:00+00:00' });
    expect(hourly.date_times).toHaveLength(7 * 24 - 1);
    const at = hourly.date_times.indexOf('2026-03-08T01:00:00-05:00');
    expect(hourly.date_times[at + 1]).toBe('2026-03-08T03:00:00-04:00');
    values.results.forEach((valueResult: any, i: number) => {
      for (const statistic of COUNTS) expect(sum(hourly.results[i].statistics[statistic])).toBeCloseTo(valueResult.statistics[statistic], 6);
    });
  });
});

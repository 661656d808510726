import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seasonalHybridEsdTs, type TimedValue } from './seasonal-hybrid-esd-ts.js';
import { seasonalHybridEsd } from './seasonal-hybrid-esd.js';

// Twitter AnomalyDetection's raw_data and the published output of
// AnomalyDetectionTs(raw_data, max_anoms = 0.02, direction = 'both') (reference/anomaly_twitter/SOURCE.md).
const referenceUrl = new URL('../../../../../reference/anomaly_twitter/', import.meta.url);
const rows = (file: string): string[][] =>
  readFileSync(new URL(file, referenceUrl), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const toMillis = (stamp: string): number => Date.parse(`${stamp.replace(' ', 'T')}Z`);

const raw: TimedValue[] = rows('raw_data.csv').map(([stamp, count]) => ({ timestamp: toMillis(stamp as string), value: Number(count) }));
const expected = rows('expected_anoms_ts_both_0.02.csv').map(([stamp, index]) => ({ timestamp: toMillis(stamp as string), index: Number(index) - 1 }));
const expectedTimestamps = expected.map((anomaly) => anomaly.timestamp).sort((a, b) => a - b);
const lastDay = toMillis('1980-10-04 13:59:00');

describe("S-H-ESD against R's AnomalyDetection on raw_data (14,398 minutes)", () => {
  it('has the published input and output', () => {
    expect(raw).toHaveLength(14398);
    expect(expected).toHaveLength(131);
  });

  it('AnomalyDetectionTs(max_anoms = 0.02, direction = both): the same 131 timestamps', () => {
    const started = performance.now();
    const result = seasonalHybridEsdTs(raw, { maxAnoms: 0.02, direction: 'both' });
    const elapsed = performance.now() - started;
    console.info(`seasonalHybridEsdTs on 14,398 points: ${elapsed.toFixed(0)} ms`);
    expect(result.parameters).toMatchObject({ granularity: 'min', period: 1440 });
    expect(result.anomalies.map((anomaly) => anomaly.timestamp)).toEqual(expectedTimestamps);
  });

  it('AnomalyDetectionVec(period = 1440): the same 131 rows', () => {
    const result = seasonalHybridEsd(raw.map((point) => point.value), { period: 1440, maxAnoms: 0.02, direction: 'both' });
    expect(result.anomalies.map((anomaly) => anomaly.index)).toEqual(expected.map((anomaly) => anomaly.index).sort((a, b) => a - b));
  });

  it('AnomalyDetectionVec(only_last = TRUE): the anomalies of the last period (1440 rows), the same 25', () => {
    const result = seasonalHybridEsd(raw.map((point) => point.value), { period: 1440, maxAnoms: 0.02, direction: 'both', onlyLast: true });
    expect(result.anomalies.map((anomaly) => anomaly.index)).toEqual(
      expected.filter((anomaly) => anomaly.index >= raw.length - 1440).map((anomaly) => anomaly.index).sort((a, b) => a - b),
    );
  });

  it("only_last = 'day' keeps the 25 anomalies of the last day (test-ts.R)", () => {
    const result = seasonalHybridEsdTs(raw, { maxAnoms: 0.02, direction: 'both', onlyLast: 'day' });
    expect(result.anomalies).toHaveLength(25);
    expect(result.anomalies.map((anomaly) => anomaly.timestamp)).toEqual(expectedTimestamps.filter((t) => t >= lastDay));
  });

  it('longterm = TRUE still gives the 131 (the data span less than two weeks)', () => {
    const result = seasonalHybridEsdTs(raw, { maxAnoms: 0.02, direction: 'both', longterm: true });
    expect(result.anomalies.map((anomaly) => anomaly.timestamp)).toEqual(expectedTimestamps);
  });

  it('leading and trailing NAs: still 131 (test-NAs.R); an NA in the middle is an error', () => {
    const withNas = raw.map((point, index) => (index < 10 || index === raw.length - 1 ? { ...point, value: null } : point));
    const result = seasonalHybridEsdTs(withNas, { maxAnoms: 0.02, direction: 'both' });
    expect(result.anomalies).toHaveLength(131);
    const vec = seasonalHybridEsd(withNas.map((point) => point.value), { period: 1440, maxAnoms: 0.02, direction: 'both' });
    expect(vec.anomalies).toHaveLength(131);
    const middle = raw.map((point, index) => (index === Math.floor(raw.length / 2) - 1 ? { ...point, value: null } : point));
    expect(() => seasonalHybridEsdTs(middle, { maxAnoms: 0.02, direction: 'both' })).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
  });
});

describe('S-H-ESD on daily data', () => {
  // 60 days of a weekly pattern with fixed pseudo-noise; two injected anomalies, each placed where
  // its 15-day longterm piece (days 15-29, 45-59) holds three days of the same weekday: with only two,
  // STL cannot tell which of them is the odd one.
  const start = Date.UTC(2025, 0, 6);
  const daily: TimedValue[] = Array.from({ length: 60 }, (_, day) => {
    const noise = Math.sin(day * 12.9898 + 78.233) * 43758.5453;
    return { timestamp: start + day * 86_400_000, value: 100 + 30 * Math.sin((2 * Math.PI * day) / 7) + 6 * (noise - Math.floor(noise) - 0.5) };
  });
  (daily[22] as TimedValue).value = 400;
  (daily[45] as TimedValue).value = -150;

  it('period 7 from the spacing; both anomalies found, one per direction', () => {
    const both = seasonalHybridEsdTs(daily, { maxAnoms: 0.1, direction: 'both' });
    expect(both.parameters).toMatchObject({ granularity: 'day', period: 7 });
    expect(both.anomalies.map((anomaly) => anomaly.index)).toEqual([22, 45]);
    expect(seasonalHybridEsdTs(daily, { maxAnoms: 0.1, direction: 'pos' }).anomalies.map((anomaly) => anomaly.index)).toEqual([22]);
    expect(seasonalHybridEsdTs(daily, { maxAnoms: 0.1, direction: 'neg' }).anomalies.map((anomaly) => anomaly.index)).toEqual([45]);
  });

  it("longterm: pieces of 15 days (R's 7·2 + 1 for daily data) still find both", () => {
    const result = seasonalHybridEsdTs(daily, { maxAnoms: 0.1, direction: 'both', longterm: true });
    expect(result.anomalies.map((anomaly) => anomaly.index)).toEqual([22, 45]);
  });

  it('too short, or options out of range, are coded errors', () => {
    expect(() => seasonalHybridEsdTs(daily.slice(0, 13), { direction: 'both' })).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => seasonalHybridEsdTs(daily, { maxAnoms: 0.6 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() => seasonalHybridEsd([1, 2, 3], { period: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });
});

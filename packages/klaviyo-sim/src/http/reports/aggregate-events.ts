import type { SimEvent } from '../../store/types.js';
import type { Dimension, Measurement } from './metric-aggregate-query.js';
import { bucketIndexer } from './time-buckets.js';

/** One row of a metric-aggregates answer: a dimension tuple and one array per measurement, aligned with the dates. */
export interface AggregateRow {
  dimensions: string[];
  measurements: Partial<Record<Measurement, number[]>>;
}

interface Accumulator {
  dimensions: string[];
  counts: number[];
  sums: number[];
  profiles: Set<string>[];
}

/** An event's value for a `by` dimension, from its properties; `$value_currency` falls back to `Currency`. */
export function dimensionValue(event: SimEvent, dimension: Dimension): string | undefined {
  const properties = event.properties;
  const value = dimension === '$value_currency' ? (properties.$value_currency ?? properties.Currency) : properties[dimension];
  return value === undefined || value === null ? undefined : String(value);
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Counts, sums `$value` and counts distinct profiles per bucket and per dimension tuple, over
 * events in ascending time order. An event that lacks one of the `by` dimensions goes to the row
 * with empty `dimensions`, as Klaviyo documents. Rows come sorted by their dimension tuple.
 *
 * ### Examples
 * ```ts
 * const rows = aggregateEvents(store.events({ metricId, from, to }), ['count', 'sum_value'], [], starts);
 * rows[0].measurements.count; // [24, 31, …], one per bucket
 * ```
 */
export function aggregateEvents(
  events: Iterable<SimEvent>,
  measurements: readonly Measurement[],
  by: readonly Dimension[],
  starts: readonly number[],
): AggregateRow[] {
  const buckets = starts.length - 1;
  const bucketOf = bucketIndexer(starts);
  const rows = new Map<string, Accumulator>();
  const wantsUnique = measurements.includes('unique');
  const rowFor = (dimensions: string[]): Accumulator => {
    const key = JSON.stringify(dimensions);
    let row = rows.get(key);
    if (!row) {
      row = { dimensions, counts: new Array<number>(buckets).fill(0), sums: new Array<number>(buckets).fill(0), profiles: [] };
      rows.set(key, row);
    }
    return row;
  };
  if (by.length === 0) rowFor([]);

  for (const event of events) {
    const bucket = bucketOf(event.datetime.getTime());
    if (bucket < 0) continue;
    const values = by.map((dimension) => dimensionValue(event, dimension));
    const row = rowFor(values.every((value) => value !== undefined) ? (values as string[]) : []);
    row.counts[bucket] = (row.counts[bucket] as number) + 1;
    row.sums[bucket] = (row.sums[bucket] as number) + event.value;
    if (wantsUnique) (row.profiles[bucket] ??= new Set()).add(event.profileId);
  }

  const sorted = [...rows.values()].sort((a, b) => compareTuples(a.dimensions, b.dimensions));
  return sorted.map((row) => {
    const out: AggregateRow = { dimensions: row.dimensions, measurements: {} };
    for (const measurement of measurements) {
      if (measurement === 'count') out.measurements.count = row.counts;
      else if (measurement === 'sum_value') out.measurements.sum_value = row.sums.map(cents);
      else out.measurements.unique = Array.from({ length: buckets }, (_, i) => row.profiles[i]?.size ?? 0);
    }
    return out;
  });
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Orders rows by a `sort` key: a dimension of `by` (its value) or a measurement (its total over
 * all dates); a leading `-` sorts descending. Ties keep the dimension order.
 */
export function sortRows(rows: AggregateRow[], sort: string | undefined, by: readonly Dimension[]): AggregateRow[] {
  if (sort === undefined) return rows;
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const dimensionIndex = (by as readonly string[]).indexOf(key);
  const measure = (row: AggregateRow): number | string => {
    if (dimensionIndex >= 0) return row.dimensions[dimensionIndex] ?? '';
    const series = row.measurements[key as Measurement];
    return series ? series.reduce((sum, value) => sum + value, 0) : 0;
  };
  return [...rows].sort((a, b) => {
    const x = measure(a);
    const y = measure(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
}

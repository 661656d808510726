import { describeFilterValue } from './filter-values.js';
import { invalidFilter, parseFilterFor, type FilterRules } from './filter-rules.js';

/** Filterable fields of `GET /api/metrics` (the spec's `x-klaviyo-filters`). */
export const METRIC_FILTER_RULES: FilterRules = {
  'integration.name': ['equals'],
  'integration.category': ['equals'],
};

/** Required integration values; a field given twice with different values matches nothing. */
export type MetricFilter = Partial<Record<'integration.name' | 'integration.category', string[]>>;

/**
 * Reads the `filter` of `GET /api/metrics`.
 *
 * @throws {ApiError} 400 on `filter` when a field, operator or value cannot be used.
 */
export function readMetricFilter(filter: string | undefined): MetricFilter {
  const result: MetricFilter = {};
  if (filter === undefined) return result;
  for (const condition of parseFilterFor('metric', METRIC_FILTER_RULES, filter)) {
    const { value } = condition;
    if (value?.kind !== 'string') {
      const written = value ? describeFilterValue(value) : 'nothing';
      throw invalidFilter(`'${condition.field}' takes a quoted string, e.g. equals(${condition.field},"Shopify"); got ${written}.`);
    }
    const field = condition.field as keyof MetricFilter;
    result[field] = [...(result[field] ?? []), value.value];
  }
  return result;
}

/** Whether a metric's integration satisfies every condition. */
export function metricMatches(filter: MetricFilter, integration: { name: string; category: string }): boolean {
  const names = filter['integration.name'] ?? [];
  const categories = filter['integration.category'] ?? [];
  return names.every((name) => name === integration.name) && categories.every((category) => category === integration.category);
}

import { describeFilterValue, parseFilterDateTime, parseFilterNumber } from './filter-values.js';
import type { FilterCondition, FilterValue } from './filter-parser.js';
import { invalidFilter, parseFilterFor, type FilterRules } from './filter-rules.js';

const COMPARISONS = ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'] as const;

/** Filterable fields of `GET /api/events` (the spec's `x-klaviyo-filters`). */
export const EVENT_FILTER_RULES: FilterRules = {
  metric_id: ['equals'],
  profile_id: ['equals'],
  profile: ['has'],
  metric: ['has'],
  datetime: COMPARISONS,
  timestamp: COMPARISONS,
};

/** What an events filter asks for; bounds are whole milliseconds, `toMs` exclusive. */
export interface EventFilter {
  /** Allowed metric ids; absent means any. An empty list matches nothing. */
  metricIds?: string[];
  profileId?: string;
  fromMs?: number;
  toMs?: number;
  /** True when the conditions contradict each other (two different profile ids). */
  matchesNothing: boolean;
}

function quotedStrings(condition: FilterCondition): string[] {
  const { value } = condition;
  const items: (FilterValue | undefined)[] = value?.kind === 'list' ? value.items : [value];
  return items.map((item) => {
    if (item?.kind !== 'string') {
      const written = item ? describeFilterValue(item) : 'nothing';
      throw invalidFilter(`'${condition.field}' takes a quoted string, e.g. equals(${condition.field},"AbC123"); got ${written}.`);
    }
    return item.value;
  });
}

function instantOf(condition: FilterCondition): number {
  const { value, field } = condition;
  if (value?.kind !== 'bare') {
    const written = value ? describeFilterValue(value) : 'nothing';
    const example = field === 'datetime' ? '2026-01-01T00:00:00Z' : '1767225600';
    throw invalidFilter(`'${field}' takes an unquoted ${field === 'datetime' ? 'ISO-8601 datetime' : 'number of seconds'}, e.g. ${example}; got ${written}.`);
  }
  if (field === 'timestamp') {
    const seconds = parseFilterNumber(value.text);
    if (seconds === undefined) throw invalidFilter(`'${value.text}' is not a valid timestamp (seconds since the epoch) for the field 'timestamp'.`);
    return seconds * 1000;
  }
  const instant = parseFilterDateTime(value.text);
  if (instant === undefined) {
    throw invalidFilter(`'${value.text}' is not a valid datetime for the field 'datetime'. Use ISO-8601, e.g. 2026-01-01T00:00:00Z.`);
  }
  return instant;
}

/**
 * Reads the `filter` of `GET /api/events` into bounds and ids. Strict bounds become inclusive
 * or exclusive whole milliseconds exactly: `greater-than(datetime,X)` starts just after X.
 *
 * @throws {ApiError} 400 on `filter` for an unknown field, an operator the field does not take,
 * a value of the wrong kind, an unreadable datetime, or bad syntax.
 */
export function readEventFilter(filter: string | undefined): EventFilter {
  const result: EventFilter = { matchesNothing: false };
  if (filter === undefined) return result;
  for (const condition of parseFilterFor('event', EVENT_FILTER_RULES, filter)) {
    switch (condition.field) {
      case 'metric_id': {
        const ids = quotedStrings(condition);
        result.metricIds = result.metricIds ? result.metricIds.filter((id) => ids.includes(id)) : ids;
        break;
      }
      case 'profile_id': {
        const [id] = quotedStrings(condition);
        if (condition.value?.kind === 'list') throw invalidFilter(`'profile_id' takes one quoted string, not a list.`);
        if (result.profileId !== undefined && result.profileId !== id) result.matchesNothing = true;
        result.profileId = id;
        break;
      }
      case 'profile':
      case 'metric':
        // Every event has a profile and a metric, so has() narrows nothing.
        if (condition.value) throw invalidFilter(`has(${condition.field}) takes no value.`);
        break;
      default: {
        const instant = instantOf(condition);
        if (condition.operator === 'greater-or-equal') result.fromMs = Math.max(result.fromMs ?? -Infinity, Math.ceil(instant));
        if (condition.operator === 'greater-than') result.fromMs = Math.max(result.fromMs ?? -Infinity, Math.floor(instant) + 1);
        if (condition.operator === 'less-than') result.toMs = Math.min(result.toMs ?? Infinity, Math.ceil(instant));
        if (condition.operator === 'less-or-equal') result.toMs = Math.min(result.toMs ?? Infinity, Math.floor(instant) + 1);
      }
    }
  }
  return result;
}

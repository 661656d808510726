/**
 * Builders for Klaviyo's filter syntax (`and(equals(metric_id,"X"),greater-or-equal(datetime,…))`),
 * so no caller concatenates filter strings by hand.
 *
 * ### Examples
 * ```ts
 * klaviyoFilter.and(klaviyoFilter.equals('metric_id', 'RESQ6t'), klaviyoFilter.greaterOrEqual('datetime', new Date(0)));
 * // 'and(equals(metric_id,"RESQ6t"),greater-or-equal(datetime,1970-01-01T00:00:00Z))'
 * ```
 */
export const klaviyoFilter = {
  equals: (field: string, value: string | boolean) => `equals(${field},${typeof value === 'boolean' ? String(value) : quote(value)})`,
  greaterOrEqual: (field: string, value: Date) => `greater-or-equal(${field},${klaviyoDatetime(value)})`,
  lessThan: (field: string, value: Date) => `less-than(${field},${klaviyoDatetime(value)})`,
  /** Profiles, lists and segments accept only `greater-than` (not `-or-equal`) on `updated`. */
  greaterThan: (field: string, value: Date) => `greater-than(${field},${klaviyoDatetime(value)})`,
  and: (...conditions: string[]) => (conditions.length === 1 ? conditions[0]! : `and(${conditions.join(',')})`),
};

/** A filter datetime: ISO-8601 in UTC, whole seconds (Klaviyo stores event times to the second). */
export function klaviyoDatetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function quote(value: string): string {
  return JSON.stringify(value);
}

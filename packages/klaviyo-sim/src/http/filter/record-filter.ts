import type { FilterCondition, FilterValue } from './filter-parser.js';
import { invalidFilter, parseFilterFor, type FilterRules } from './filter-rules.js';
import { describeFilterValue, parseFilterDateTime } from './filter-values.js';

/** How a filterable field's values are written and compared. */
export type FieldKind = 'string' | 'datetime' | 'boolean';

/** A field value of a record: strings, datetimes as ms, booleans; null when absent. */
export type FieldValue = string | number | boolean | null;

/** Reads one field of a record by its filter name (e.g. `messages.channel`). */
export type FieldReader = (field: string) => FieldValue;

/** A parsed filter: the conditions, and a test of a record against all of them. */
export interface RecordFilter {
  conditions: readonly FilterCondition[];
  matches(read: FieldReader): boolean;
  /** The values an `equals` condition on `field` requires, if any (e.g. the campaign channel). */
  equalsValues(field: string): FieldValue[];
}

type Operand = FieldValue | FieldValue[];

function scalarOf(kind: FieldKind, field: string, value: FilterValue): FieldValue {
  if (kind === 'string') {
    if (value.kind !== 'string') throw invalidFilter(`'${field}' takes a quoted string, e.g. equals(${field},"value"); got ${describeFilterValue(value)}.`);
    return value.value;
  }
  if (value.kind !== 'bare') throw invalidFilter(`'${field}' takes an unquoted ${kind === 'boolean' ? 'true or false' : 'ISO-8601 datetime'}; got ${describeFilterValue(value)}.`);
  if (kind === 'boolean') {
    if (value.text !== 'true' && value.text !== 'false') throw invalidFilter(`'${field}' takes true or false; got ${value.text}.`);
    return value.text === 'true';
  }
  const instant = parseFilterDateTime(value.text);
  if (instant === undefined) throw invalidFilter(`'${value.text}' is not a valid datetime for the field '${field}'. Use ISO-8601, e.g. 2026-01-01T00:00:00Z.`);
  return instant;
}

function operandOf(kind: FieldKind, condition: FilterCondition): Operand {
  const { value, field, operator } = condition;
  if (!value) throw invalidFilter(`${operator}(${field}, …) needs a value.`);
  if (operator === 'any') {
    if (value.kind !== 'list') throw invalidFilter(`any(${field}, …) takes a list, e.g. any(${field},["a","b"]).`);
    return value.items.map((item) => scalarOf(kind, field, item));
  }
  if (value.kind === 'list') throw invalidFilter(`${operator}(${field}, …) takes one value, not a list.`);
  return scalarOf(kind, field, value);
}

function holds(operator: string, actual: FieldValue, operand: Operand): boolean {
  if (Array.isArray(operand)) return operand.includes(actual);
  if (actual === null) return false;
  switch (operator) {
    case 'equals':
      return actual === operand;
    case 'contains':
      return typeof actual === 'string' && typeof operand === 'string' && actual.includes(operand);
    case 'starts-with':
      return typeof actual === 'string' && typeof operand === 'string' && actual.startsWith(operand);
    case 'ends-with':
      return typeof actual === 'string' && typeof operand === 'string' && actual.endsWith(operand);
    case 'greater-than':
      return (actual as number) > (operand as number);
    case 'greater-or-equal':
      return (actual as number) >= (operand as number);
    case 'less-than':
      return (actual as number) < (operand as number);
    case 'less-or-equal':
      return (actual as number) <= (operand as number);
    default:
      return false;
  }
}

/**
 * Reads the `filter` of a collection endpoint against its fields (the spec's `x-klaviyo-filters`)
 * and their kinds. Datetime bounds compare at whole seconds, as Klaviyo stores them: a record
 * updated at 10:00:00 is not `greater-than(updated,2026-01-01T10:00:00.5Z)`'s.
 *
 * @throws {ApiError} 400 on `filter` for an unknown field, a wrong operator or a value of the wrong kind.
 */
export function readRecordFilter(resource: string, rules: FilterRules, kinds: Readonly<Record<string, FieldKind>>, filter: string | undefined): RecordFilter {
  const conditions = filter === undefined ? [] : parseFilterFor(resource, rules, filter);
  const tests = conditions.map((condition) => {
    const kind = kinds[condition.field] ?? 'string';
    const operand = operandOf(kind, condition);
    return { condition, operand };
  });
  return {
    conditions,
    matches: (read) => tests.every(({ condition, operand }) => holds(condition.operator, read(condition.field), operand)),
    equalsValues: (field) => tests.filter(({ condition }) => condition.field === field && condition.operator === 'equals').map(({ operand }) => operand as FieldValue),
  };
}

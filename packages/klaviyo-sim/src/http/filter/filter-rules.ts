import { invalidParameter, type ApiError } from '../api-error.js';
import { parseFilter, FilterSyntaxError, type FilterCondition } from './filter-parser.js';

/** Which operators each filterable field accepts, as the spec's `x-klaviyo-filters` lists them. */
export type FilterRules = Readonly<Record<string, readonly string[]>>;

/** A 400 on the `filter` parameter with `detail`. */
export function invalidFilter(detail: string): ApiError {
  return invalidParameter('filter', detail);
}

/**
 * Parses a filter and checks every condition's field and operator against `rules`.
 *
 * @throws {ApiError} 400 on the `filter` parameter, telling what is wrong.
 */
export function parseFilterFor(resource: string, rules: FilterRules, filter: string): FilterCondition[] {
  let conditions: FilterCondition[];
  try {
    conditions = parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw invalidFilter(`Invalid filter syntax at character ${error.position + 1}: ${error.message}.`);
    }
    throw error;
  }
  for (const condition of conditions) {
    const operators = rules[condition.field];
    if (!operators) {
      const known = Object.keys(rules).join(', ');
      throw invalidFilter(`'${condition.field}' is not a valid field for the resource '${resource}'. Filterable fields: ${known}.`);
    }
    if (!operators.includes(condition.operator)) {
      throw invalidFilter(
        `'${condition.operator}' is not a valid operator for the field '${condition.field}'. ` +
          `Valid operators: ${operators.join(', ')}.`,
      );
    }
  }
  return conditions;
}

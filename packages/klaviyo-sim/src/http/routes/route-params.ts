import { invalidParameter } from '../api-error.js';
import type { QueryParameters } from '../query-parameters.js';

/**
 * A `fields[type]` list: each name must be `id`, a top-level attribute, or a dotted path below
 * one (`send_strategy.datetime`). The spec enumerates every nested path; checking the first
 * segment catches typos without copying those long lists.
 *
 * @throws {ApiError} 400 naming the parameter for an unknown attribute.
 */
export function fieldList(params: QueryParameters, name: string, attributes: readonly string[]): string[] | undefined {
  const raw = params.single(name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) {
    const head = item.split('.')[0] ?? '';
    if (item !== 'id' && !attributes.includes(head)) {
      throw invalidParameter(name, `'${item}' is not a valid field for '${name}'. Valid fields: id, ${attributes.join(', ')}.`);
    }
  }
  return items;
}

/** The `include` list, each item checked against the operation's enum. */
export function includeList(params: QueryParameters, allowed: readonly string[]): string[] {
  return params.list('include', allowed) ?? [];
}

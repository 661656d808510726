/**
 * Parses Klaviyo's `filter` query parameter, e.g.
 * `and(equals(metric_id,"AbC123"),greater-or-equal(datetime,2026-01-01T00:00:00Z))`, into a flat
 * list of conditions that must all hold. Which fields and operators an endpoint accepts is checked
 * by the endpoint, not here.
 */

/** A value in a condition: a quoted string, a bare token (number, datetime, boolean) or a list. */
export type FilterValue =
  | { kind: 'string'; value: string }
  | { kind: 'bare'; text: string }
  | { kind: 'list'; items: FilterValue[] };

/** One `operator(field, value)` condition; `value` is absent for `has(field)`. */
export interface FilterCondition {
  operator: string;
  field: string;
  value?: FilterValue;
  /** Offset of the condition in the filter text, for error messages. */
  position: number;
}

/** The filter text cannot be read; the message says what and where. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

interface Call {
  operator: string;
  args: (Call | FilterValue)[];
  position: number;
}

const BARE_CHAR = /[^\s(),[\]'"]/;

// An unencoded "+" in a query string arrives as a space; put it back in datetime offsets.
const SPACE_FOR_PLUS = /(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)(?=[\s,)\]]|$)/g;

class Reader {
  index = 0;

  constructor(readonly text: string) {}

  skipSpace(): void {
    while (/\s/.test(this.text.charAt(this.index))) this.index += 1;
  }

  peek(): string {
    this.skipSpace();
    return this.text.charAt(this.index);
  }

  expect(char: string): void {
    if (this.peek() !== char) {
      const found = this.index < this.text.length ? `"${this.text.charAt(this.index)}"` : 'the end of the filter';
      throw new FilterSyntaxError(`expected "${char}" but found ${found}`, this.index);
    }
    this.index += 1;
  }

  bare(): string {
    this.skipSpace();
    const begin = this.index;
    while (this.index < this.text.length && BARE_CHAR.test(this.text.charAt(this.index))) this.index += 1;
    if (this.index === begin) {
      const found = begin < this.text.length ? `"${this.text.charAt(begin)}"` : 'the end of the filter';
      throw new FilterSyntaxError(`expected a name or value but found ${found}`, begin);
    }
    return this.text.slice(begin, this.index);
  }

  quoted(): string {
    const quote = this.text.charAt(this.index);
    const begin = this.index;
    this.index += 1;
    let value = '';
    while (this.index < this.text.length) {
      const char = this.text.charAt(this.index);
      if (char === quote) {
        this.index += 1;
        return value;
      }
      if (char === '\\' && this.index + 1 < this.text.length) {
        value += this.text.charAt(this.index + 1);
        this.index += 2;
      } else {
        value += char;
        this.index += 1;
      }
    }
    throw new FilterSyntaxError(`string starting here is never closed with ${quote}`, begin);
  }
}

function readValue(reader: Reader): FilterValue {
  const next = reader.peek();
  if (next === "'" || next === '"') return { kind: 'string', value: reader.quoted() };
  if (next === '[') {
    reader.index += 1;
    const items: FilterValue[] = [];
    if (reader.peek() !== ']') {
      items.push(readValue(reader));
      while (reader.peek() === ',') {
        reader.index += 1;
        items.push(readValue(reader));
      }
    }
    reader.expect(']');
    return { kind: 'list', items };
  }
  return { kind: 'bare', text: reader.bare() };
}

function readArgument(reader: Reader): Call | FilterValue {
  const value = readValue(reader);
  if (value.kind === 'bare' && reader.peek() === '(') return readCallBody(reader, value.text, reader.index - value.text.length);
  return value;
}

function readCallBody(reader: Reader, operator: string, position: number): Call {
  reader.expect('(');
  const args: (Call | FilterValue)[] = [];
  if (reader.peek() !== ')') {
    args.push(readArgument(reader));
    while (reader.peek() === ',') {
      reader.index += 1;
      args.push(readArgument(reader));
    }
  }
  reader.expect(')');
  return { operator, args, position };
}

function readCall(reader: Reader): Call {
  reader.skipSpace();
  const position = reader.index;
  return readCallBody(reader, reader.bare(), position);
}

function flatten(call: Call, into: FilterCondition[]): void {
  if (call.operator === 'and') {
    if (call.args.length === 0) throw new FilterSyntaxError('and() needs at least one condition', call.position);
    for (const arg of call.args) {
      if (!('operator' in arg)) throw new FilterSyntaxError('and() takes conditions, not values', call.position);
      flatten(arg, into);
    }
    return;
  }
  if (call.operator === 'or' || call.operator === 'not') {
    throw new FilterSyntaxError(`${call.operator}() is not supported here; combine conditions with and()`, call.position);
  }
  const [field, value, extra] = call.args;
  if (!field || 'operator' in field || field.kind !== 'bare') {
    throw new FilterSyntaxError(`${call.operator}() must start with a field name`, call.position);
  }
  if (extra !== undefined) throw new FilterSyntaxError(`${call.operator}() takes a field and one value`, call.position);
  if (value !== undefined && 'operator' in value) {
    throw new FilterSyntaxError(`${call.operator}() takes a value, not a condition`, call.position);
  }
  into.push({ operator: call.operator, field: field.text, ...(value ? { value } : {}), position: call.position });
}

/**
 * Parses a filter into the conditions it ANDs together: nested `and(...)` and top-level commas
 * both combine; `or` and `not` are rejected.
 *
 * @throws {FilterSyntaxError} with the offset of the problem.
 * @example parseFilter('equals(metric_id,"X"),less-than(datetime,2026-01-01T00:00:00Z)').length // 2
 */
export function parseFilter(filter: string): FilterCondition[] {
  const reader = new Reader(filter.replace(SPACE_FOR_PLUS, '$1+$2'));
  if (reader.peek() === '') throw new FilterSyntaxError('the filter is empty', 0);
  const conditions: FilterCondition[] = [];
  flatten(readCall(reader), conditions);
  while (reader.peek() === ',') {
    reader.index += 1;
    flatten(readCall(reader), conditions);
  }
  if (reader.peek() !== '') {
    throw new FilterSyntaxError(`unexpected "${reader.text.charAt(reader.index)}" after the end of a condition`, reader.index);
  }
  return conditions;
}
